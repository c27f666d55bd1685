// Creates the bucket Vetted is configured with when it is missing. The compose file's one-shot `s3-bucket` service
// runs it before the API starts: Vetted itself never creates buckets (a missing one stops it, naming S3_BUCKET).
// It reads the same S3_* variables as Vetted, prints one line, and exits with 1 when the bucket can be neither
// found nor made.
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { loadConfig } from '@vetted/config';

function finish(line, exitCode) {
  console.log(`s3-bucket: ${line}`);
  process.exit(exitCode);
}

let storage;
try {
  storage = loadConfig().storage;
} catch (error) {
  finish(error.message, 1);
}
if (storage.kind !== 's3') finish('S3_BUCKET is not set: weights go to disk, no bucket needed', 0);

const where = `bucket "${storage.bucket}" at ${storage.endpoint ?? `AWS S3 in ${storage.region}`}`;
const client = new S3Client({
  region: storage.region,
  endpoint: storage.endpoint,
  forcePathStyle: storage.forcePathStyle,
  credentials: storage.credentials,
  requestHandler: { connectionTimeout: 10_000, requestTimeout: 30_000 },
});
try {
  await client.send(new HeadBucketCommand({ Bucket: storage.bucket }));
  finish(`${where} exists`, 0);
} catch (error) {
  if (error?.$metadata?.httpStatusCode !== 404) finish(`cannot check ${where}: ${error.name}: ${error.message}`, 1);
}
try {
  // Outside us-east-1, S3 wants the region named again in the request.
  const configuration = storage.region === 'us-east-1' ? undefined : { LocationConstraint: storage.region };
  await client.send(new CreateBucketCommand({ Bucket: storage.bucket, CreateBucketConfiguration: configuration }));
  finish(`created ${where}`, 0);
} catch (error) {
  // Another replica of this step made it in the meantime.
  if (error.name === 'BucketAlreadyOwnedByYou') finish(`${where} exists`, 0);
  finish(`cannot create ${where}: ${error.name}: ${error.message}`, 1);
}
