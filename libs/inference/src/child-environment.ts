/** What the runtime needs to find its libraries and the GPU; an untrusted model never sees the caller's secrets. */
const INHERITED =
  /^(PATH|HOME|TMPDIR|LANG|LC_[A-Z]+|TZ|LD_LIBRARY_PATH|VK_[A-Z_]+|NVIDIA_[A-Z_]+|CUDA_[A-Z_]+|__GLX_[A-Z_]+|__EGL_[A-Z_]+|XDG_RUNTIME_DIR|DISPLAY|ORT_[A-Z_]+|OMP_[A-Z_]+)$/;

export function childEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => INHERITED.test(name)));
}
