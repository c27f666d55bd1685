/** In place of download buttons and snippets for a version nobody may download (revoked). */
export function NotDownloadable({ version }: { version: string }) {
  return (
    <p className="notice notice-error not-downloadable" role="note">
      Version {version} is not downloadable: it was revoked, so its files are no longer served and there is nothing to copy-paste.
    </p>
  );
}
