/**
 * A stand-in for Amazon S3, for tests only: a small HTTP server on 127.0.0.1 that speaks the
 * documented S3 REST protocol (path-style addressing, SigV4, XML bodies and errors) for the
 * operations our storage driver and @tus/s3-store use.
 *
 * Why it exists: no S3-compatible server can be installed here (only npm and Debian packages,
 * and s3rver lacks ListParts/AbortMultipartUpload), yet the driver has to be tested through the
 * real @aws-sdk/client-s3 over real HTTP, not against a mocked client. Written from the S3 API
 * reference, not from another project.
 *
 * Fidelity choices, each so that a test passing here does not hide a failure against real S3:
 *  - Every request must be SigV4-signed (Authorization header or presigned query) with the test
 *    credentials; the signature is verified, as is the payload hash when it is a hex digest.
 *  - An operation or query parameter that is not emulated answers 501 NotImplemented instead of
 *    being half-served, so the driver cannot silently depend on it.
 *  - S3's limits that drivers trip over are enforced: 5 MiB minimum for all but the last part,
 *    part numbers 1..10000, Content-Length required on PUT (plain `Transfer-Encoding: chunked`
 *    without a length is refused with 411, as S3 does, unless `allowUnsizedBodies`).
 *
 * Object bytes live in files under a temporary directory (request bodies are streamed to disk,
 * responses streamed from disk: objects may be hundreds of MB); metadata lives in memory.
 */
import { createHash, createHmac, randomBytes, type Hash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Transform, Writable, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { SaxesParser } from "saxes";
import type { S3Settings } from "#server/config";

export interface S3StandIn {
  /** e.g. http://127.0.0.1:PORT (path-style addressing: /<bucket>/<key>) */
  endpoint: string;
  /** Created at start; the only bucket there is. */
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** "eu-central-1"; requests signed for another region are refused, as S3 does. */
  region: string;
  /** Keys currently stored in the bucket (completed objects only), sorted. */
  keys(): string[];
  /** Number of requests received per S3 operation name, e.g. {PutObject: 2, UploadPart: 5}. */
  requests(): Record<string, number>;
  /**
   * From now on, every request fails with this HTTP status and an S3 XML error (null restores) — to
   * test outages. With `operations`, only requests for those operations fail (e.g. writes only).
   */
  failAll(status: number | null, operations?: readonly string[]): void;
  close(): Promise<void>;
}

/** The driver settings that reach the stand-in (path-style addressing, its test credentials). */
export function s3StandInSettings(s3: S3StandIn): S3Settings {
  return {
    endpoint: s3.endpoint,
    region: s3.region,
    bucket: s3.bucket,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    forcePathStyle: true,
  };
}

export interface S3StandInOptions {
  /** Parent of the temporary data directory (os.tmpdir() when omitted); only the directory made inside it is removed on close(). */
  directory?: string;
  /**
   * Accept PUT bodies sent with plain `Transfer-Encoding: chunked` and no length. Real S3 answers
   * 411 MissingContentLength to those, so by default the stand-in does too.
   */
  allowUnsizedBodies?: boolean;
}

const TEST_BUCKET = "connactions-test";
const TEST_ACCESS_KEY_ID = "AKIAS3STANDIN0000001";
const TEST_SECRET_ACCESS_KEY = "s3-stand-in/test-only/secret-access-key0";
const TEST_REGION = "eu-central-1";

const S3_XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";
const MIB = 1024 * 1024;
const MIN_PART_SIZE = 5 * MIB;
/** Largest single PUT and largest part. */
const MAX_PUT_SIZE = 5 * 1024 * MIB;
const MAX_PART_NUMBER = 10_000;
const MAX_KEY_BYTES = 1024;
const MAX_USER_METADATA_BYTES = 2048;
/** CompleteMultipartUpload with 10,000 parts is about 1 MB of XML. */
const MAX_XML_BODY_BYTES = 4 * MIB;
const MAX_LIST_ENTRIES = 1000;
const MAX_DELETE_OBJECTS = 1000;
const MAX_CLOCK_SKEW_MS = 15 * 60_000;
const MAX_PRESIGNED_EXPIRES_SECONDS = 7 * 24 * 3600;
const DEFAULT_CONTENT_TYPE = "binary/octet-stream";
const SIGV4_ALGORITHM = "AWS4-HMAC-SHA256";
const EMPTY_SHA256 = createHash("sha256").digest("hex");

/** Standard headers S3 keeps with an object and sends back on GET/HEAD. */
const STORED_HEADERS = ["cache-control", "content-disposition", "content-encoding", "content-language", "expires"] as const;
/** GetObject/HeadObject query parameters that override response headers. */
const RESPONSE_OVERRIDES: Record<string, string> = {
  "response-cache-control": "Cache-Control",
  "response-content-disposition": "Content-Disposition",
  "response-content-encoding": "Content-Encoding",
  "response-content-language": "Content-Language",
  "response-content-type": "Content-Type",
  "response-expires": "Expires",
};

// ---------------------------------------------------------------------------------------------
// Errors

class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra elements of the <Error> document, e.g. Key, UploadId, ProposedSize. */
    readonly details: Record<string, string | number> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "S3Error";
  }
}

const notImplemented = (what: string) =>
  new S3Error(501, "NotImplemented", `A header or query you provided implies functionality that is not implemented (the S3 stand-in does not emulate ${what}).`);
const malformedXml = () =>
  new S3Error(400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema.");
const invalidArgument = (message: string, name: string, value: string) =>
  new S3Error(400, "InvalidArgument", message, { ArgumentName: name, ArgumentValue: value });
const noSuchKey = (key: string) => new S3Error(404, "NoSuchKey", "The specified key does not exist.", { Key: key });
const noSuchUpload = (uploadId: string) =>
  new S3Error(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.", { UploadId: uploadId });
const preconditionFailed = (condition: string) =>
  new S3Error(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold", { Condition: condition });

/** Error codes S3 uses for a status, for failAll(). */
function codeForStatus(status: number): string {
  const codes: Record<number, string> = {
    400: "BadRequest",
    403: "AccessDenied",
    404: "NoSuchKey",
    500: "InternalError",
    501: "NotImplemented",
    503: "ServiceUnavailable",
    // Not AWS (S3 never runs out of room), but what self-hosted services such as MinIO answer.
    507: "InsufficientStorage",
  };
  return codes[status] ?? (status >= 500 ? "InternalError" : "InvalidRequest");
}

// ---------------------------------------------------------------------------------------------
// Stored state

interface ObjectAttributes {
  contentType: string;
  userMetadata: Record<string, string>;
  storedHeaders: Record<string, string>;
  tagCount: number;
}

interface StoredFile {
  /** Absolute path of the bytes under the data directory. */
  file: string;
  size: number;
  md5Hex: string;
  lastModified: Date;
}

interface StoredObject extends StoredFile {
  /** Quoted, as on the wire. */
  etag: string;
  attributes: ObjectAttributes;
}

interface MultipartUpload {
  uploadId: string;
  key: string;
  initiated: Date;
  attributes: ObjectAttributes;
  parts: Map<number, StoredFile>;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** S3 stores timestamps with second precision: the XML and the Last-Modified header then agree. */
const nowToTheSecond = () => new Date(Math.floor(Date.now() / 1000) * 1000);
const quoteEtag = (md5Hex: string) => `"${md5Hex}"`;
const unquoteEtag = (etag: string) => etag.trim().replace(/^W\//, "").replace(/^"(.*)"$/, "$1");
const randomId = (bytes: number) => randomBytes(bytes).toString("hex");
const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** S3 orders keys by their UTF-8 bytes. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** RFC 3986 percent-encoding, as SigV4 and the SDK use it (only A-Z a-z 0-9 - _ . ~ stay). */
function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeUriPart(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new S3Error(400, "InvalidURI", "Couldn't parse the specified URI.");
  }
}

function headerValue(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

function parseNonNegativeInteger(value: string, name: string): number {
  if (!/^\d{1,15}$/.test(value)) throw invalidArgument(`Provided ${name} not an integer or within integer range`, name, value);
  return Number(value);
}

function removeQuietly(file: string): void {
  fs.rm(file, { force: true }, () => {
    /* a leftover temp file is harmless: the whole directory goes on close() */
  });
}

// ---------------------------------------------------------------------------------------------
// XML out (written by hand, escaped) and in (saxes into a tiny tree)

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

function xmlEscape(value: string): string {
  // Control characters are legal in S3 keys; S3 writes them as character references too.
  // eslint-disable-next-line no-control-regex
  return value.replace(/[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => XML_ESCAPES[c] ?? `&#x${c.charCodeAt(0).toString(16)};`);
}

const leaf = (name: string, value: string | number | boolean) => `<${name}>${xmlEscape(String(value))}</${name}>`;
const branch = (name: string, ...children: string[]) => `<${name}>${children.join("")}</${name}>`;
const optionalLeaf = (name: string, value: string | number | undefined) => (value === undefined ? "" : leaf(name, value));
const xmlDocument = (root: string, ...children: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_XMLNS}">${children.join("")}</${root}>`;

interface XmlElement {
  /** Local name: a namespace prefix, if a client uses one, is dropped. */
  name: string;
  text: string;
  children: XmlElement[];
}

function parseXml(source: string): XmlElement {
  const parser = new SaxesParser();
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failed = false;
  parser.on("error", () => {
    failed = true;
  });
  parser.on("opentag", (tag) => {
    const element: XmlElement = { name: tag.name.replace(/^.*:/, ""), text: "", children: [] };
    const parent = open.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    open.push(element);
  });
  const appendText = (text: string) => {
    const current = open.at(-1);
    if (current) current.text += text;
  };
  parser.on("text", appendText);
  parser.on("cdata", appendText);
  parser.on("closetag", () => {
    open.pop();
  });
  try {
    parser.write(source).close();
  } catch {
    failed = true;
  }
  if (failed || !root) throw malformedXml();
  return root;
}

const childrenNamed = (element: XmlElement, name: string) => element.children.filter((child) => child.name === name);
const childText = (element: XmlElement, name: string) => element.children.find((child) => child.name === name)?.text;

// ---------------------------------------------------------------------------------------------
// Request bodies: aws-chunked decoding, digests, streaming to a sink

/**
 * Decodes the SDK's `aws-chunked` content encoding: `<hex size>[;ext]\r\n<data>\r\n` … `0\r\n`,
 * then trailer lines (`x-amz-checksum-crc32:…`) and an empty line. Chunk signatures of signed
 * streaming payloads are skipped, not verified.
 */
class AwsChunkedDecoder extends Transform {
  readonly trailers = new Map<string, string>();
  private state: "size" | "data" | "data-end" | "trailers" | "done" = "size";
  private remaining = 0;
  private line: Buffer[] = [];
  private lineLength = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.consume(chunk);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    callback(this.state === "done" ? null : new S3Error(400, "IncompleteBody", "The aws-chunked body ended before its final zero-length chunk."));
  }

  private consume(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.state === "done") return; // bytes after the final CRLF are ignored
      if (this.state === "data") {
        const take = Math.min(this.remaining, chunk.length - offset);
        this.push(chunk.subarray(offset, offset + take));
        offset += take;
        this.remaining -= take;
        if (this.remaining === 0) this.state = "data-end";
        continue;
      }
      const newline = chunk.indexOf(0x0a, offset);
      const end = newline === -1 ? chunk.length : newline + 1;
      this.line.push(chunk.subarray(offset, end));
      this.lineLength += end - offset;
      if (this.lineLength > 8192) throw malformedChunk("a chunk header or trailer line is too long");
      offset = end;
      if (newline !== -1) this.completeLine();
    }
  }

  private completeLine(): void {
    const line = Buffer.concat(this.line).toString("latin1").replace(/\r?\n$/, "");
    this.line = [];
    this.lineLength = 0;
    if (this.state === "size") {
      const hex = line.split(";")[0]?.trim() ?? "";
      if (!/^[0-9a-fA-F]{1,12}$/.test(hex)) throw malformedChunk(`bad chunk size line ${JSON.stringify(line.slice(0, 40))}`);
      this.remaining = parseInt(hex, 16);
      this.state = this.remaining === 0 ? "trailers" : "data";
    } else if (this.state === "data-end") {
      if (line !== "") throw malformedChunk("chunk data is not followed by CRLF");
      this.state = "size";
    } else if (line === "") {
      this.state = "done";
    } else {
      const colon = line.indexOf(":");
      if (colon <= 0) throw malformedChunk(`bad trailer line ${JSON.stringify(line.slice(0, 40))}`);
      this.trailers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
  }
}

const malformedChunk = (why: string) => new S3Error(400, "InvalidChunkSizeError", `Malformed aws-chunked body: ${why}.`);

type ChecksumName = "crc32" | "sha1" | "sha256";
const CHECKSUM_HEADERS: Record<ChecksumName, string> = { crc32: "x-amz-checksum-crc32", sha1: "x-amz-checksum-sha1", sha256: "x-amz-checksum-sha256" };

/** Counts bytes and computes MD5 (for the ETag) plus whatever digests the request asks to be checked. */
class BodyDigester extends Transform {
  size = 0;
  private readonly md5 = createHash("md5");
  private readonly sha256: Hash | undefined;
  private readonly sha1: Hash | undefined;
  private crc32: number | undefined;

  constructor(
    private readonly maxSize: number,
    private readonly tooLarge: () => S3Error,
    need: { sha256: boolean; sha1: boolean; crc32: boolean },
  ) {
    super();
    this.sha256 = need.sha256 ? createHash("sha256") : undefined;
    this.sha1 = need.sha1 ? createHash("sha1") : undefined;
    this.crc32 = need.crc32 ? 0 : undefined;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxSize) return callback(this.tooLarge());
    this.md5.update(chunk);
    this.sha256?.update(chunk);
    this.sha1?.update(chunk);
    if (this.crc32 !== undefined) this.crc32 = zlib.crc32(chunk, this.crc32);
    callback(null, chunk);
  }

  /** Call once, after the body has been read. Checksums are base64, as in x-amz-checksum-* headers. */
  finish(): BodyDigests {
    const sha256 = this.sha256?.digest();
    return {
      size: this.size,
      md5: this.md5.digest(),
      sha256Hex: sha256?.toString("hex"),
      checksums: { crc32: this.crc32 === undefined ? undefined : uint32Base64(this.crc32), sha1: this.sha1?.digest("base64"), sha256: sha256?.toString("base64") },
    };
  }
}

/** A CRC32 as x-amz-checksum-crc32 carries it: four big-endian bytes, base64. */
function uint32Base64(value: number): string {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes.toString("base64");
}

interface BodyDigests {
  size: number;
  md5: Buffer;
  sha256Hex: string | undefined;
  checksums: Record<ChecksumName, string | undefined>;
}

/** Collects a small body (XML) in memory; its size is bounded by the BodyDigester in front of it. */
class MemorySink extends Writable {
  private readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    callback();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString("utf8");
  }
}

interface ReceivedBody {
  size: number;
  md5Hex: string;
}

// ---------------------------------------------------------------------------------------------
// Requests and operations

type Target = "service" | "bucket" | "object";

type OperationName =
  | "HeadBucket"
  | "ListObjectsV2"
  | "ListMultipartUploads"
  | "DeleteObjects"
  | "PutObject"
  | "CopyObject"
  | "GetObject"
  | "HeadObject"
  | "DeleteObject"
  | "CreateMultipartUpload"
  | "UploadPart"
  | "ListParts"
  | "CompleteMultipartUpload"
  | "AbortMultipartUpload";
/** Recognised so that requests() names them, but answered 501. */
type NotEmulatedName = "ListBuckets" | "CreateBucket" | "DeleteBucket" | "ListObjects" | "UploadPartCopy";

interface OperationSpec {
  name: OperationName | NotEmulatedName;
  method: string;
  target: Target;
  /** Query parameter that selects this operation (`?uploads`, `?uploadId=…`). */
  marker?: string;
  /** Header that selects this operation (`x-amz-copy-source`). */
  header?: string;
  /** Further query parameters it understands; any other one is answered 501. */
  params: readonly string[];
}

/** Most specific first: the first spec whose method, target, marker and header match wins. */
const OPERATIONS: readonly OperationSpec[] = [
  { name: "ListBuckets", method: "GET", target: "service", params: [] },
  { name: "HeadBucket", method: "HEAD", target: "bucket", params: [] },
  { name: "ListObjectsV2", method: "GET", target: "bucket", marker: "list-type", params: ["prefix", "delimiter", "continuation-token", "max-keys", "start-after", "encoding-type", "fetch-owner"] },
  { name: "ListMultipartUploads", method: "GET", target: "bucket", marker: "uploads", params: ["prefix", "key-marker", "upload-id-marker", "max-uploads", "encoding-type"] },
  { name: "ListObjects", method: "GET", target: "bucket", params: ["prefix", "delimiter", "marker", "max-keys", "encoding-type"] },
  { name: "CreateBucket", method: "PUT", target: "bucket", params: [] },
  { name: "DeleteBucket", method: "DELETE", target: "bucket", params: [] },
  { name: "DeleteObjects", method: "POST", target: "bucket", marker: "delete", params: [] },
  { name: "UploadPartCopy", method: "PUT", target: "object", marker: "uploadId", header: "x-amz-copy-source", params: ["partNumber"] },
  { name: "UploadPart", method: "PUT", target: "object", marker: "uploadId", params: ["partNumber"] },
  { name: "CopyObject", method: "PUT", target: "object", header: "x-amz-copy-source", params: [] },
  { name: "PutObject", method: "PUT", target: "object", params: [] },
  { name: "ListParts", method: "GET", target: "object", marker: "uploadId", params: ["max-parts", "part-number-marker", "encoding-type"] },
  { name: "GetObject", method: "GET", target: "object", params: Object.keys(RESPONSE_OVERRIDES) },
  { name: "HeadObject", method: "HEAD", target: "object", params: Object.keys(RESPONSE_OVERRIDES) },
  { name: "AbortMultipartUpload", method: "DELETE", target: "object", marker: "uploadId", params: [] },
  { name: "DeleteObject", method: "DELETE", target: "object", params: [] },
  { name: "CreateMultipartUpload", method: "POST", target: "object", marker: "uploads", params: [] },
  { name: "CompleteMultipartUpload", method: "POST", target: "object", marker: "uploadId", params: [] },
];

/** `x-id` is the SDK's operation hint; `X-Amz-*` are presigned-URL parameters (checked by authentication). */
const isIgnoredParam = (name: string) => name === "x-id" || name.toLowerCase().startsWith("x-amz-");

/** The query string, decoded, in order; `?uploads` has the value "". */
class QueryParams {
  constructor(readonly entries: ReadonlyArray<readonly [string, string]>) {}

  static parse(raw: string): QueryParams {
    const entries = raw
      .split("&")
      .filter((part) => part !== "")
      .map((part): [string, string] => {
        const equals = part.indexOf("=");
        return equals === -1 ? [decodeUriPart(part), ""] : [decodeUriPart(part.slice(0, equals)), decodeUriPart(part.slice(equals + 1))];
      });
    return new QueryParams(entries);
  }

  has(name: string): boolean {
    return this.entries.some(([key]) => key === name);
  }

  get(name: string): string | undefined {
    return this.entries.find(([key]) => key === name)?.[1];
  }

  /** Case-insensitive, for presigned-URL parameters whose case varies between signers. */
  getIgnoringCase(name: string): string | undefined {
    const lower = name.toLowerCase();
    return this.entries.find(([key]) => key.toLowerCase() === lower)?.[1];
  }
}

interface Resolved {
  spec: OperationSpec | undefined;
  /** Query parameters the matched operation does not understand. */
  unknownParams: string[];
}

function resolveOperation(method: string, target: Target, query: QueryParams, req: http.IncomingMessage): Resolved {
  const spec = OPERATIONS.find(
    (candidate) =>
      candidate.method === method &&
      candidate.target === target &&
      (candidate.marker === undefined || query.has(candidate.marker)) &&
      (candidate.header === undefined || req.headers[candidate.header] !== undefined),
  );
  const understood = new Set<string>([...(spec?.params ?? []), ...(spec?.marker ? [spec.marker] : [])]);
  const unknownParams = query.entries.map(([name]) => name).filter((name) => !understood.has(name) && !isIgnoredParam(name));
  return { spec, unknownParams };
}

interface RequestContext {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  method: string;
  rawPath: string;
  query: QueryParams;
  bucket: string;
  /** "" for bucket-level requests. */
  key: string;
  /** The client sent `Expect: 100-continue` and waits for our go-ahead before sending the body. */
  expectsContinue: boolean;
  continueSent: boolean;
  /** x-amz-content-sha256 (or UNSIGNED-PAYLOAD for presigned URLs), known after authentication. */
  payloadHash: string;
}

interface RequestTarget {
  rawPath: string;
  query: QueryParams;
  bucket: string;
  key: string;
  target: Target;
}

function parseRequestTarget(url: string): RequestTarget {
  const questionMark = url.indexOf("?");
  const rawPath = questionMark === -1 ? url : url.slice(0, questionMark);
  const query = QueryParams.parse(questionMark === -1 ? "" : url.slice(questionMark + 1));
  if (!rawPath.startsWith("/")) throw new S3Error(400, "InvalidURI", "Couldn't parse the specified URI.");
  const afterSlash = rawPath.slice(1);
  const slash = afterSlash.indexOf("/");
  const bucket = decodeUriPart(slash === -1 ? afterSlash : afterSlash.slice(0, slash));
  // Keys may contain "/" (sent literally) and may even start with one: no path normalisation.
  const key = slash === -1 ? "" : decodeUriPart(afterSlash.slice(slash + 1));
  const target: Target = bucket === "" ? "service" : key === "" ? "bucket" : "object";
  return { rawPath, query, bucket, key, target };
}

// ---------------------------------------------------------------------------------------------
// SigV4 verification (from the "Signature Version 4 signing process" documentation)

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

interface SignedRequestParts {
  credential: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  payloadHash: string;
  /** Presigned URLs sign their query minus X-Amz-Signature. */
  presigned: boolean;
}

function authorizationHeaderParts(req: http.IncomingMessage, authorization: string): SignedRequestParts {
  if (!authorization.startsWith(`${SIGV4_ALGORITHM} `)) {
    throw new S3Error(400, "InvalidRequest", "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.");
  }
  const fields = new Map<string, string>();
  for (const field of authorization.slice(SIGV4_ALGORITHM.length + 1).split(",")) {
    const equals = field.indexOf("=");
    if (equals > 0) fields.set(field.slice(0, equals).trim(), field.slice(equals + 1).trim());
  }
  const credential = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!credential || !signedHeaders || !signature) {
    throw new S3Error(400, "AuthorizationHeaderMalformed", "The authorization header is malformed; it must contain Credential, SignedHeaders and Signature.");
  }
  const amzDate = headerValue(req, "x-amz-date");
  if (!amzDate) throw new S3Error(403, "AccessDenied", "AWS authentication requires a valid Date or x-amz-date header");
  const payloadHash = headerValue(req, "x-amz-content-sha256");
  if (!payloadHash) throw new S3Error(400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
  return { credential, signedHeaders: signedHeaders.split(";"), signature, amzDate, payloadHash, presigned: false };
}

function presignedQueryParts(query: QueryParams): SignedRequestParts {
  const required = (name: string) => {
    const value = query.get(name);
    if (value === undefined) throw new S3Error(400, "AuthorizationQueryParametersError", `Query-string authentication version 4 requires the ${name} parameter.`);
    return value;
  };
  if (required("X-Amz-Algorithm") !== SIGV4_ALGORITHM) {
    throw new S3Error(400, "AuthorizationQueryParametersError", "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
  }
  const amzDate = required("X-Amz-Date");
  const expires = Number(required("X-Amz-Expires"));
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGNED_EXPIRES_SECONDS) {
    throw new S3Error(400, "AuthorizationQueryParametersError", "X-Amz-Expires must be between 1 and 604800 seconds.");
  }
  const signedAt = parseAmzDate(amzDate);
  if (Date.now() > signedAt + expires * 1000) throw new S3Error(403, "AccessDenied", "Request has expired", { "X-Amz-Expires": expires });
  if (signedAt - Date.now() > MAX_CLOCK_SKEW_MS) throw new S3Error(403, "AccessDenied", "Request is not valid yet");
  return {
    credential: required("X-Amz-Credential"),
    signedHeaders: required("X-Amz-SignedHeaders").split(";"),
    signature: required("X-Amz-Signature"),
    amzDate,
    payloadHash: query.getIgnoringCase("x-amz-content-sha256") ?? "UNSIGNED-PAYLOAD",
    presigned: true,
  };
}

function parseAmzDate(amzDate: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!match) throw new S3Error(403, "AccessDenied", `X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'", not ${amzDate}`);
  const [, year, month, day, hour, minute, second] = match.map(Number);
  return Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
}

/** The canonical URI of a path-style S3 request: each segment encoded exactly once (S3 does not double-encode). */
function canonicalUri(rawPath: string): string {
  return rawPath
    .split("/")
    .map((segment) => encodeRfc3986(decodeUriPart(segment)))
    .join("/");
}

function canonicalQuery(query: QueryParams): string {
  return query.entries
    .filter(([name]) => name !== "X-Amz-Signature")
    .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)] as const)
    .sort(([nameA, valueA], [nameB, valueB]) => (nameA < nameB ? -1 : nameA > nameB ? 1 : valueA < valueB ? -1 : valueA > valueB ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

function expectedSignature(ctx: RequestContext, parts: SignedRequestParts, scope: string, credentials: Credentials): string {
  const canonicalHeaders = parts.signedHeaders.map((name) => `${name}:${(headerValue(ctx.req, name) ?? "").trim().replace(/\s+/g, " ")}\n`).join("");
  const canonicalRequest = [ctx.method, canonicalUri(ctx.rawPath), canonicalQuery(ctx.query), canonicalHeaders, parts.signedHeaders.join(";"), parts.payloadHash].join("\n");
  const stringToSign = [SIGV4_ALGORITHM, parts.amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const [date = "", region = "", service = ""] = scope.split("/");
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, date), region), service), "aws4_request");
  return createHmac("sha256", signingKey).update(stringToSign).digest("hex");
}

/** Checks the request's SigV4 signature; returns the payload hash it declares. */
function authenticate(ctx: RequestContext, credentials: Credentials): string {
  const authorization = headerValue(ctx.req, "authorization");
  const presigned = ctx.query.has("X-Amz-Credential") || ctx.query.has("X-Amz-Algorithm");
  if (!authorization && !presigned) throw new S3Error(403, "AccessDenied", "Access Denied (the S3 stand-in refuses anonymous requests)");
  const parts = authorization ? authorizationHeaderParts(ctx.req, authorization) : presignedQueryParts(ctx.query);
  const malformedCode = parts.presigned ? "AuthorizationQueryParametersError" : "AuthorizationHeaderMalformed";

  const [accessKeyId, date, region, service, terminator, ...rest] = parts.credential.split("/");
  if (accessKeyId !== credentials.accessKeyId) {
    throw new S3Error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", { AWSAccessKeyId: accessKeyId ?? "" });
  }
  if (rest.length > 0 || terminator !== "aws4_request" || service !== "s3" || date !== parts.amzDate.slice(0, 8)) {
    throw new S3Error(400, malformedCode, `The credential scope ${JSON.stringify(parts.credential)} is malformed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/s3/aws4_request".`);
  }
  if (region !== credentials.region) {
    throw new S3Error(400, malformedCode, `The authorization header is malformed; the region '${region}' is wrong; expecting '${credentials.region}'`, { Region: credentials.region });
  }
  if (!parts.presigned && Math.abs(Date.now() - parseAmzDate(parts.amzDate)) > MAX_CLOCK_SKEW_MS) {
    throw new S3Error(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.");
  }
  if (!parts.signedHeaders.includes("host")) throw new S3Error(400, malformedCode, "The host header must be signed.");

  const expected = expectedSignature(ctx, parts, `${date}/${region}/${service}/${terminator}`, credentials);
  if (expected !== parts.signature) {
    throw new S3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
  }
  return parts.payloadHash;
}

// ---------------------------------------------------------------------------------------------
// Object headers

function readAttributes(req: http.IncomingMessage): ObjectAttributes {
  const userMetadata: Record<string, string> = {};
  let metadataBytes = 0;
  for (const [name, value] of Object.entries(req.headers)) {
    if (!name.startsWith("x-amz-meta-") || value === undefined) continue;
    const text = Array.isArray(value) ? value.join(",") : value;
    const metaName = name.slice("x-amz-meta-".length);
    userMetadata[metaName] = text;
    metadataBytes += Buffer.byteLength(metaName) + Buffer.byteLength(text);
  }
  if (metadataBytes > MAX_USER_METADATA_BYTES) {
    throw new S3Error(400, "MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata size", { Size: metadataBytes, MaxSizeAllowed: MAX_USER_METADATA_BYTES });
  }
  const storedHeaders: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    let value = headerValue(req, name);
    // aws-chunked describes this request's framing, not the object.
    if (name === "content-encoding" && value !== undefined) value = value.split(",").map((v) => v.trim()).filter((v) => v !== "" && v.toLowerCase() !== "aws-chunked").join(", ");
    if (value) storedHeaders[name] = value;
  }
  const tagging = headerValue(req, "x-amz-tagging");
  return {
    contentType: headerValue(req, "content-type") || DEFAULT_CONTENT_TYPE,
    userMetadata,
    storedHeaders,
    tagCount: tagging ? tagging.split("&").filter((pair) => pair !== "").length : 0,
  };
}

function objectHeaders(object: StoredObject): Record<string, string | number> {
  const headers: Record<string, string | number> = {
    "Content-Type": object.attributes.contentType,
    ETag: object.etag,
    "Last-Modified": object.lastModified.toUTCString(),
    "Accept-Ranges": "bytes",
    ...object.attributes.storedHeaders,
  };
  for (const [name, value] of Object.entries(object.attributes.userMetadata)) headers[`x-amz-meta-${name}`] = value;
  if (object.attributes.tagCount > 0) headers["x-amz-tagging-count"] = object.attributes.tagCount;
  return headers;
}

type ByteRange = { start: number; end: number };

/** `bytes=a-b`, `bytes=a-`, `bytes=-n`; null when the header is to be ignored (absent, malformed, several ranges — S3 serves the whole object then). */
function parseRange(header: string | undefined, size: number): ByteRange | "unsatisfiable" | null {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== "" && Number(last) < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end: last === "" ? size - 1 : Math.min(Number(last), size - 1) };
}

/** RFC 7232 order, as S3 applies it to GET and HEAD: the outcome status, or null to serve. */
function evaluateReadConditions(req: http.IncomingMessage, object: StoredObject): 304 | 412 | null {
  const etag = unquoteEtag(object.etag);
  const matches = (list: string) => list.split(",").some((candidate) => candidate.trim() === "*" || unquoteEtag(candidate) === etag);
  const modified = object.lastModified.getTime();
  const ifMatch = headerValue(req, "if-match");
  const ifUnmodifiedSince = Date.parse(headerValue(req, "if-unmodified-since") ?? "");
  if (ifMatch !== undefined ? !matches(ifMatch) : modified > ifUnmodifiedSince) return 412;
  const ifNoneMatch = headerValue(req, "if-none-match");
  const ifModifiedSince = Date.parse(headerValue(req, "if-modified-since") ?? "");
  if (ifNoneMatch !== undefined ? matches(ifNoneMatch) : modified <= ifModifiedSince) return 304;
  return null;
}

// ---------------------------------------------------------------------------------------------
// The emulation

interface EmulationOptions {
  root: string;
  credentials: Credentials;
  bucket: string;
  allowUnsizedBodies: boolean;
}

type Handler = (ctx: RequestContext) => Promise<void>;

class S3Emulation {
  endpoint = "";
  private readonly objects = new Map<string, StoredObject>();
  private readonly uploads = new Map<string, MultipartUpload>();
  private readonly counts = new Map<string, number>();
  private failure: { status: number; operations: ReadonlySet<string> | null } | null = null;
  private readonly tmpDir: string;
  private readonly dataDir: string;
  private readonly handlers: Record<OperationName, Handler>;

  constructor(private readonly options: EmulationOptions) {
    this.tmpDir = path.join(options.root, "tmp");
    this.dataDir = path.join(options.root, "data");
    this.handlers = {
      HeadBucket: (ctx) => this.headBucket(ctx),
      ListObjectsV2: (ctx) => this.listObjectsV2(ctx),
      ListMultipartUploads: (ctx) => this.listMultipartUploads(ctx),
      DeleteObjects: (ctx) => this.deleteObjects(ctx),
      PutObject: (ctx) => this.putObject(ctx),
      CopyObject: (ctx) => this.copyObject(ctx),
      GetObject: (ctx) => this.getObject(ctx),
      HeadObject: (ctx) => this.getObject(ctx),
      DeleteObject: (ctx) => this.deleteObject(ctx),
      CreateMultipartUpload: (ctx) => this.createMultipartUpload(ctx),
      UploadPart: (ctx) => this.uploadPart(ctx),
      ListParts: (ctx) => this.listParts(ctx),
      CompleteMultipartUpload: (ctx) => this.completeMultipartUpload(ctx),
      AbortMultipartUpload: (ctx) => this.abortMultipartUpload(ctx),
    };
  }

  async prepare(): Promise<void> {
    await Promise.all([fsp.mkdir(this.tmpDir), fsp.mkdir(this.dataDir)]);
  }

  keys(): string[] {
    return [...this.objects.keys()].sort(compareUtf8);
  }

  requestCounts(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  failAll(status: number | null, operations?: readonly string[]): void {
    if (status !== null && !(Number.isInteger(status) && status >= 400 && status <= 599)) {
      throw new RangeError(`failAll: ${status} is not an HTTP error status (400-599)`);
    }
    this.failure = status === null ? null : { status, operations: operations ? new Set(operations) : null };
  }

  private failureFor(operation: string): S3Error | null {
    if (!this.failure || (this.failure.operations && !this.failure.operations.has(operation))) return null;
    const { status } = this.failure;
    return new S3Error(status, codeForStatus(status), `The S3 stand-in was told to fail ${this.failure.operations ? operation : "every"} request (failAll).`);
  }

  async serve(req: http.IncomingMessage, res: http.ServerResponse, expectsContinue: boolean): Promise<void> {
    // An aborted request emits 'error'; without a listener that would take the test process down.
    req.on("error", () => {});
    res.on("error", () => {});
    const requestId = randomId(8).toUpperCase();
    res.setHeader("x-amz-request-id", requestId);
    res.setHeader("x-amz-id-2", randomBytes(24).toString("base64"));
    res.setHeader("Server", "AmazonS3");
    const ctx: RequestContext = {
      req,
      res,
      method: req.method ?? "GET",
      rawPath: "/",
      query: new QueryParams([]),
      bucket: "",
      key: "",
      expectsContinue,
      continueSent: false,
      payloadHash: EMPTY_SHA256,
    };
    try {
      const target = parseRequestTarget(req.url ?? "/");
      Object.assign(ctx, { rawPath: target.rawPath, query: target.query, bucket: target.bucket, key: target.key });
      const { spec, unknownParams } = resolveOperation(ctx.method, target.target, target.query, req);
      const emulated = spec && unknownParams.length === 0 && spec.name in this.handlers ? (spec.name as OperationName) : undefined;
      const operation = unknownParams.length === 0 && spec ? spec.name : "Unsupported";
      this.count(operation);
      const failure = this.failureFor(operation);
      if (failure) throw failure;
      ctx.payloadHash = authenticate(ctx, this.options.credentials);
      if (!emulated) {
        throw notImplemented(spec && unknownParams.length === 0 ? spec.name : `${ctx.method} on a ${target.target} with query parameter(s) ${unknownParams.join(", ") || "(none)"}`);
      }
      if (target.bucket !== this.options.bucket) {
        throw new S3Error(404, "NoSuchBucket", "The specified bucket does not exist", { BucketName: target.bucket });
      }
      if (Buffer.byteLength(target.key) > MAX_KEY_BYTES) {
        throw new S3Error(400, "KeyTooLongError", "Your key is too long", { MaxSizeAllowed: MAX_KEY_BYTES, Size: Buffer.byteLength(target.key) });
      }
      await this.handlers[emulated](ctx);
    } catch (error) {
      try {
        this.sendError(ctx, error);
      } catch {
        res.destroy(); // never let one bad request take the server (and the test run) down
      }
    }
  }

  private count(operation: string): void {
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
  }

  // --- responses -------------------------------------------------------------------------------

  private sendXml(ctx: RequestContext, status: number, xml: string, headers: Record<string, string | number> = {}): void {
    ctx.res.writeHead(status, { ...headers, "Content-Type": "application/xml", "Content-Length": Buffer.byteLength(xml) });
    ctx.res.end(xml);
  }

  private sendEmpty(ctx: RequestContext, status: number, headers: Record<string, string | number> = {}): void {
    ctx.res.writeHead(status, { ...headers, "Content-Length": headers["Content-Length"] ?? 0 });
    ctx.res.end();
  }

  private sendError(ctx: RequestContext, error: unknown): void {
    const { res, req } = ctx;
    if (res.headersSent) {
      res.destroy(); // mid-body: the client must see a broken response, not a short one
      return;
    }
    // The connection is gone (client abort, or a body pipeline that failed mid-body took it down).
    // A request that was destroyed after its last byte still has a usable connection: answer.
    if (res.destroyed || res.socket?.destroyed) return;
    const s3Error = error instanceof S3Error ? error : new S3Error(500, "InternalError", `The S3 stand-in failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!req.complete) {
      // A client waiting for 100-continue sends no body now; otherwise read and drop the rest
      // of the body so that the connection stays usable.
      if (ctx.expectsContinue && !ctx.continueSent) res.setHeader("Connection", "close");
      else req.resume();
    }
    for (const [name, value] of Object.entries(s3Error.headers)) res.setHeader(name, value);
    if (ctx.method === "HEAD") return this.sendEmpty(ctx, s3Error.status);
    const details = Object.entries(s3Error.details).map(([name, value]) => leaf(name, value));
    const resource = ctx.rawPath;
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?>\n` +
      branch("Error", leaf("Code", s3Error.code), leaf("Message", s3Error.message), ...details, leaf("Resource", resource), leaf("RequestId", String(res.getHeader("x-amz-request-id") ?? "")));
    this.sendXml(ctx, s3Error.status, xml);
  }

  // --- request bodies --------------------------------------------------------------------------

  /** The body length the client promises, or null for an unsized chunked body (when allowed). */
  private expectedBodySize(ctx: RequestContext, awsChunked: boolean): number | null {
    const decoded = headerValue(ctx.req, "x-amz-decoded-content-length");
    if (awsChunked) {
      if (decoded === undefined) throw new S3Error(411, "MissingContentLength", "You must provide the x-amz-decoded-content-length HTTP header with aws-chunked bodies.");
      return parseNonNegativeInteger(decoded, "x-amz-decoded-content-length");
    }
    const contentLength = headerValue(ctx.req, "content-length");
    if (contentLength !== undefined) return parseNonNegativeInteger(contentLength, "Content-Length");
    if (ctx.req.headers["transfer-encoding"] !== undefined && this.options.allowUnsizedBodies) return null;
    throw new S3Error(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
  }

  private sendContinue(ctx: RequestContext): void {
    if (ctx.expectsContinue && !ctx.continueSent) {
      ctx.res.writeContinue();
      ctx.continueSent = true;
    }
  }

  /**
   * Streams the request body (aws-chunked decoded) into `sink`, checking its length against
   * the declared one and every digest the client declared (Content-MD5, x-amz-content-sha256,
   * x-amz-checksum-* in headers or trailers).
   */
  private async receiveBody(ctx: RequestContext, sink: Writable, maxSize: number, tooLarge: () => S3Error): Promise<ReceivedBody> {
    const contentEncodings = (headerValue(ctx.req, "content-encoding") ?? "").toLowerCase().split(",").map((v) => v.trim());
    const awsChunked = contentEncodings.includes("aws-chunked") || ctx.req.headers["x-amz-decoded-content-length"] !== undefined || ctx.payloadHash.startsWith("STREAMING-");
    const expectedSize = this.expectedBodySize(ctx, awsChunked);
    if (expectedSize !== null && expectedSize > maxSize) throw tooLarge();

    const declaredChecksums = this.declaredChecksums(ctx);
    const signedHash = /^[0-9a-f]{64}$/.test(ctx.payloadHash) ? ctx.payloadHash : undefined;
    const digester = new BodyDigester(maxSize, tooLarge, {
      sha256: signedHash !== undefined || declaredChecksums.has("sha256"),
      sha1: declaredChecksums.has("sha1"),
      crc32: declaredChecksums.has("crc32"),
    });
    const decoder = awsChunked ? new AwsChunkedDecoder() : undefined;
    this.sendContinue(ctx);
    try {
      if (decoder) await pipeline(ctx.req, decoder, digester, sink);
      else await pipeline(ctx.req, digester, sink);
    } catch (error) {
      throw error instanceof S3Error ? error : new S3Error(400, "IncompleteBody", `The request body could not be read completely: ${error instanceof Error ? error.message : String(error)}`);
    }

    const digests = digester.finish();
    if (expectedSize !== null && digests.size !== expectedSize) {
      throw new S3Error(400, "IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header");
    }
    this.verifyDigests(ctx, digests, signedHash, declaredChecksums, decoder?.trailers);
    return { size: digests.size, md5Hex: digests.md5.toString("hex") };
  }

  /** Checksum algorithms whose value arrives in a header or (x-amz-trailer) in the aws-chunked trailer. */
  private declaredChecksums(ctx: RequestContext): Set<ChecksumName> {
    const trailer = (headerValue(ctx.req, "x-amz-trailer") ?? "").toLowerCase();
    const names = Object.entries(CHECKSUM_HEADERS)
      .filter(([, header]) => ctx.req.headers[header] !== undefined || trailer.includes(header))
      .map(([name]) => name as ChecksumName);
    return new Set(names);
  }

  private verifyDigests(
    ctx: RequestContext,
    digests: BodyDigests,
    signedHash: string | undefined,
    checksums: Set<ChecksumName>,
    trailers: Map<string, string> | undefined,
  ): void {
    const contentMd5 = headerValue(ctx.req, "content-md5");
    if (contentMd5 !== undefined) {
      if (!/^[A-Za-z0-9+/]{22}==$/.test(contentMd5.trim())) throw new S3Error(400, "InvalidDigest", "The Content-MD5 you specified was invalid.");
      if (contentMd5.trim() !== digests.md5.toString("base64")) throw new S3Error(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
    }
    if (signedHash !== undefined && digests.sha256Hex !== signedHash) {
      throw new S3Error(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.", { ClientComputedContentSHA256: signedHash });
    }
    for (const name of checksums) {
      const header = CHECKSUM_HEADERS[name];
      const declared = headerValue(ctx.req, header) ?? trailers?.get(header);
      if (declared === undefined) throw new S3Error(400, "InvalidRequest", `The ${header} trailer announced in x-amz-trailer was not sent.`);
      if (declared !== digests.checksums[name]) {
        throw new S3Error(400, "BadDigest", `The ${name.toUpperCase()} you specified did not match the calculated checksum.`);
      }
    }
  }

  /** Streams the body into a new file under tmp/; the caller moves it into data/ or the file is removed. */
  private async receiveBodyToFile(ctx: RequestContext): Promise<ReceivedBody & { file: string }> {
    const file = path.join(this.tmpDir, randomId(16));
    try {
      const received = await this.receiveBody(ctx, fs.createWriteStream(file, { flags: "wx" }), MAX_PUT_SIZE, () =>
        new S3Error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size", { MaxSizeAllowed: MAX_PUT_SIZE }),
      );
      return { ...received, file };
    } catch (error) {
      removeQuietly(file);
      throw error;
    }
  }

  private async receiveXml(ctx: RequestContext): Promise<XmlElement> {
    const sink = new MemorySink();
    await this.receiveBody(ctx, sink, MAX_XML_BODY_BYTES, () =>
      new S3Error(400, "MaxMessageLengthExceeded", "Your request was too big.", { MaxMessageLengthBytes: MAX_XML_BODY_BYTES }),
    );
    return parseXml(sink.text());
  }

  /** Moves a received temp file into data/ (same file system, so an atomic rename). */
  private async keep(tmpFile: string): Promise<string> {
    const file = path.join(this.dataDir, path.basename(tmpFile));
    await fsp.rename(tmpFile, file);
    return file;
  }

  private storeObject(key: string, object: StoredObject): void {
    const previous = this.objects.get(key);
    this.objects.set(key, object);
    // Readers of the previous version hold an open descriptor; unlinking does not disturb them.
    if (previous && previous.file !== object.file) removeQuietly(previous.file);
  }

  // --- bucket ----------------------------------------------------------------------------------

  private async headBucket(ctx: RequestContext): Promise<void> {
    this.sendEmpty(ctx, 200, { "x-amz-bucket-region": this.options.credentials.region });
  }

  private async listObjectsV2(ctx: RequestContext): Promise<void> {
    const { query } = ctx;
    if (query.get("list-type") !== "2") throw invalidArgument("Invalid list-type", "list-type", query.get("list-type") ?? "");
    const prefix = query.get("prefix") ?? "";
    const delimiter = query.get("delimiter") || undefined;
    const maxKeys = Math.min(parseNonNegativeInteger(query.get("max-keys") ?? String(MAX_LIST_ENTRIES), "max-keys"), MAX_LIST_ENTRIES);
    const encodeKey = this.keyEncoder(query.get("encoding-type"));
    const continuationToken = query.get("continuation-token");
    const resumeAfter = continuationToken !== undefined ? decodeContinuationToken(continuationToken) : undefined;
    const startAfter = query.get("start-after");

    const contents: StoredObject[] = [];
    const contentKeys: string[] = [];
    const commonPrefixes: string[] = [];
    let lastEntry: string | undefined;
    let truncated = false;
    for (const key of this.keys()) {
      if (!key.startsWith(prefix)) continue;
      if (startAfter !== undefined && compareUtf8(key, startAfter) <= 0) continue;
      if (resumeAfter !== undefined && !isPastContinuation(key, resumeAfter, delimiter)) continue;
      const delimiterAt = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
      const commonPrefix = delimiter && delimiterAt !== -1 ? key.slice(0, delimiterAt + delimiter.length) : undefined;
      if (commonPrefix !== undefined && commonPrefixes.at(-1) === commonPrefix) continue;
      if (contents.length + commonPrefixes.length >= maxKeys) {
        truncated = maxKeys > 0;
        break;
      }
      if (commonPrefix !== undefined) {
        commonPrefixes.push(commonPrefix);
        lastEntry = commonPrefix;
      } else {
        contents.push(this.objects.get(key)!);
        contentKeys.push(key);
        lastEntry = key;
      }
    }

    const xml = xmlDocument(
      "ListBucketResult",
      leaf("Name", this.options.bucket),
      leaf("Prefix", encodeKey(prefix)),
      delimiter !== undefined ? leaf("Delimiter", encodeKey(delimiter)) : "",
      optionalLeaf("StartAfter", startAfter === undefined ? undefined : encodeKey(startAfter)),
      optionalLeaf("ContinuationToken", continuationToken),
      truncated && lastEntry !== undefined ? leaf("NextContinuationToken", Buffer.from(lastEntry, "utf8").toString("base64url")) : "",
      leaf("MaxKeys", maxKeys),
      leaf("KeyCount", contents.length + commonPrefixes.length),
      leaf("IsTruncated", truncated),
      optionalLeaf("EncodingType", query.get("encoding-type")),
      ...contents.map((object, index) =>
        branch(
          "Contents",
          leaf("Key", encodeKey(contentKeys[index]!)),
          leaf("LastModified", object.lastModified.toISOString()),
          leaf("ETag", object.etag),
          leaf("Size", object.size),
          leaf("StorageClass", "STANDARD"),
        ),
      ),
      ...commonPrefixes.map((commonPrefix) => branch("CommonPrefixes", leaf("Prefix", encodeKey(commonPrefix)))),
    );
    this.sendXml(ctx, 200, xml);
  }

  /** encoding-type=url asks for keys URL-encoded (so that any byte survives XML); "/" stays readable. */
  private keyEncoder(encodingType: string | undefined): (key: string) => string {
    if (encodingType === undefined) return (key) => key;
    if (encodingType !== "url") throw invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", encodingType);
    return (key) => key.split("/").map(encodeRfc3986).join("/");
  }

  private async listMultipartUploads(ctx: RequestContext): Promise<void> {
    const { query } = ctx;
    const prefix = query.get("prefix") ?? "";
    const keyMarker = query.get("key-marker") ?? "";
    const uploadIdMarker = query.get("upload-id-marker") ?? "";
    const maxUploads = Math.min(parseNonNegativeInteger(query.get("max-uploads") ?? String(MAX_LIST_ENTRIES), "max-uploads"), MAX_LIST_ENTRIES);
    const encodeKey = this.keyEncoder(query.get("encoding-type"));
    const afterMarker = (upload: MultipartUpload) => {
      const byKey = compareUtf8(upload.key, keyMarker);
      return keyMarker === "" || byKey > 0 || (byKey === 0 && uploadIdMarker !== "" && upload.uploadId > uploadIdMarker);
    };
    const matching = [...this.uploads.values()]
      .filter((upload) => upload.key.startsWith(prefix) && afterMarker(upload))
      .sort((a, b) => compareUtf8(a.key, b.key) || a.initiated.getTime() - b.initiated.getTime() || (a.uploadId < b.uploadId ? -1 : 1));
    const page = matching.slice(0, maxUploads);
    const truncated = matching.length > page.length;
    const last = page.at(-1);
    const xml = xmlDocument(
      "ListMultipartUploadsResult",
      leaf("Bucket", this.options.bucket),
      leaf("KeyMarker", encodeKey(keyMarker)),
      leaf("UploadIdMarker", uploadIdMarker),
      truncated && last ? leaf("NextKeyMarker", encodeKey(last.key)) + leaf("NextUploadIdMarker", last.uploadId) : "",
      leaf("Prefix", encodeKey(prefix)),
      leaf("MaxUploads", maxUploads),
      leaf("IsTruncated", truncated),
      ...page.map((upload) =>
        branch("Upload", leaf("Key", encodeKey(upload.key)), leaf("UploadId", upload.uploadId), leaf("StorageClass", "STANDARD"), leaf("Initiated", upload.initiated.toISOString())),
      ),
    );
    this.sendXml(ctx, 200, xml);
  }

  private async deleteObjects(ctx: RequestContext): Promise<void> {
    // S3 insists on an integrity check for this call; the SDK always sends one.
    const hasChecksum = ctx.req.headers["content-md5"] !== undefined || Object.keys(ctx.req.headers).some((name) => name.startsWith("x-amz-checksum-"));
    if (!hasChecksum) throw new S3Error(400, "InvalidRequest", "Missing required header for this request: Content-MD5");
    const root = await this.receiveXml(ctx);
    if (root.name !== "Delete") throw malformedXml();
    const entries = childrenNamed(root, "Object");
    if (entries.length === 0 || entries.length > MAX_DELETE_OBJECTS) throw malformedXml();
    const keys = entries.map((entry) => {
      if (childText(entry, "VersionId") !== undefined) throw notImplemented("object versions");
      const key = childText(entry, "Key");
      if (key === undefined) throw malformedXml();
      return key;
    });
    const quiet = childText(root, "Quiet")?.trim().toLowerCase() === "true";
    for (const key of keys) this.removeObject(key);
    const deleted = quiet ? [] : keys.map((key) => branch("Deleted", leaf("Key", key)));
    this.sendXml(ctx, 200, xmlDocument("DeleteResult", ...deleted));
  }

  // --- objects ---------------------------------------------------------------------------------

  /** Conditional writes: `If-None-Match: *` (create only) and `If-Match: <etag>` (replace only that version). */
  private checkWriteConditions(ctx: RequestContext): void {
    const existing = this.objects.get(ctx.key);
    const ifNoneMatch = headerValue(ctx.req, "if-none-match");
    if (ifNoneMatch !== undefined) {
      if (ifNoneMatch.trim() !== "*") throw notImplemented("If-None-Match with a value other than * on writes");
      if (existing) throw preconditionFailed("If-None-Match");
    }
    const ifMatch = headerValue(ctx.req, "if-match");
    if (ifMatch !== undefined) {
      if (!existing) throw noSuchKey(ctx.key);
      if (unquoteEtag(ifMatch) !== unquoteEtag(existing.etag)) throw preconditionFailed("If-Match");
    }
  }

  private async putObject(ctx: RequestContext): Promise<void> {
    const attributes = readAttributes(ctx.req);
    this.checkWriteConditions(ctx);
    const received = await this.receiveBodyToFile(ctx);
    try {
      this.checkWriteConditions(ctx); // again: another write may have finished meanwhile
      const file = await this.keep(received.file);
      const object: StoredObject = { file, size: received.size, md5Hex: received.md5Hex, etag: quoteEtag(received.md5Hex), lastModified: nowToTheSecond(), attributes };
      this.storeObject(ctx.key, object);
      this.sendEmpty(ctx, 200, { ETag: object.etag });
    } catch (error) {
      removeQuietly(received.file);
      throw error;
    }
  }

  private async copyObject(ctx: RequestContext): Promise<void> {
    const source = parseCopySource(headerValue(ctx.req, "x-amz-copy-source") ?? "");
    const unsupported = Object.keys(ctx.req.headers).find((name) => name.startsWith("x-amz-copy-source-"));
    if (unsupported) throw notImplemented(`the ${unsupported} header`);
    if (source.bucket !== this.options.bucket) throw new S3Error(404, "NoSuchBucket", "The specified bucket does not exist", { BucketName: source.bucket });
    const original = this.objects.get(source.key);
    if (!original) throw noSuchKey(source.key);
    const directive = (headerValue(ctx.req, "x-amz-metadata-directive") ?? "COPY").toUpperCase();
    if (directive !== "COPY" && directive !== "REPLACE") throw invalidArgument("Unknown metadata directive.", "x-amz-metadata-directive", directive);
    if (directive === "COPY" && source.key === ctx.key) {
      throw new S3Error(400, "InvalidRequest", "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.");
    }
    this.checkWriteConditions(ctx);

    const tmpFile = path.join(this.tmpDir, randomId(16));
    try {
      await fsp.copyFile(original.file, tmpFile);
    } catch {
      removeQuietly(tmpFile);
      throw noSuchKey(source.key); // deleted while we copied
    }
    const file = await this.keep(tmpFile);
    const attributes = directive === "REPLACE" ? readAttributes(ctx.req) : original.attributes;
    const copy: StoredObject = { ...original, file, lastModified: nowToTheSecond(), attributes };
    this.storeObject(ctx.key, copy);
    this.sendXml(ctx, 200, xmlDocument("CopyObjectResult", leaf("LastModified", copy.lastModified.toISOString()), leaf("ETag", copy.etag)));
  }

  /** GetObject and HeadObject: the same headers, a body only for GET. */
  private async getObject(ctx: RequestContext): Promise<void> {
    const object = this.objects.get(ctx.key);
    if (!object) throw noSuchKey(ctx.key);
    const condition = evaluateReadConditions(ctx.req, object);
    if (condition === 412) throw preconditionFailed(headerValue(ctx.req, "if-match") !== undefined ? "If-Match" : "If-Unmodified-Since");
    const headers = objectHeaders(object);
    for (const [param, header] of Object.entries(RESPONSE_OVERRIDES)) {
      const value = ctx.query.get(param);
      if (value !== undefined) headers[header] = value;
    }
    if (condition === 304) {
      return this.sendEmpty(ctx, 304, { ETag: object.etag, "Last-Modified": object.lastModified.toUTCString() });
    }

    const range = parseRange(headerValue(ctx.req, "range"), object.size);
    if (range === "unsatisfiable") {
      throw new S3Error(416, "InvalidRange", "The requested range is not satisfiable", { RangeRequested: headerValue(ctx.req, "range") ?? "", ActualObjectSize: object.size }, { "Content-Range": `bytes */${object.size}` });
    }
    const status = range ? 206 : 200;
    const { start, end } = range ?? { start: 0, end: object.size - 1 };
    headers["Content-Length"] = end - start + 1;
    if (range) headers["Content-Range"] = `bytes ${start}-${end}/${object.size}`;
    if (ctx.method === "HEAD" || object.size === 0) return this.sendEmpty(ctx, status, headers);

    // Open before answering: a concurrent delete must not turn into a truncated 200.
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(object.file, "r");
    } catch {
      throw noSuchKey(ctx.key);
    }
    ctx.res.writeHead(status, headers);
    try {
      await pipeline(handle.createReadStream({ start, end }), ctx.res);
    } catch {
      ctx.res.destroy();
    } finally {
      await handle.close().catch(() => {});
    }
  }

  private async deleteObject(ctx: RequestContext): Promise<void> {
    this.removeObject(ctx.key);
    this.sendEmpty(ctx, 204);
  }

  private removeObject(key: string): void {
    const object = this.objects.get(key);
    if (!object) return;
    this.objects.delete(key);
    removeQuietly(object.file);
  }

  // --- multipart uploads -----------------------------------------------------------------------

  private findUpload(ctx: RequestContext): MultipartUpload {
    const uploadId = ctx.query.get("uploadId") ?? "";
    const upload = this.uploads.get(uploadId);
    if (!upload || upload.key !== ctx.key) throw noSuchUpload(uploadId);
    return upload;
  }

  private async createMultipartUpload(ctx: RequestContext): Promise<void> {
    const upload: MultipartUpload = {
      uploadId: randomBytes(36).toString("base64url"),
      key: ctx.key,
      initiated: nowToTheSecond(),
      attributes: readAttributes(ctx.req),
      parts: new Map(),
    };
    this.uploads.set(upload.uploadId, upload);
    this.sendXml(ctx, 200, xmlDocument("InitiateMultipartUploadResult", leaf("Bucket", this.options.bucket), leaf("Key", ctx.key), leaf("UploadId", upload.uploadId)));
  }

  private async uploadPart(ctx: RequestContext): Promise<void> {
    const partNumberText = ctx.query.get("partNumber") ?? "";
    const partNumber = /^\d{1,5}$/.test(partNumberText) ? Number(partNumberText) : NaN;
    if (!(partNumber >= 1 && partNumber <= MAX_PART_NUMBER)) {
      throw invalidArgument(`Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive`, "partNumber", partNumberText);
    }
    this.findUpload(ctx);
    const received = await this.receiveBodyToFile(ctx);
    try {
      const upload = this.findUpload(ctx); // it may have been aborted or completed meanwhile
      const file = await this.keep(received.file);
      const previous = upload.parts.get(partNumber);
      upload.parts.set(partNumber, { file, size: received.size, md5Hex: received.md5Hex, lastModified: nowToTheSecond() });
      if (previous) removeQuietly(previous.file);
      this.sendEmpty(ctx, 200, { ETag: quoteEtag(received.md5Hex) });
    } catch (error) {
      removeQuietly(received.file);
      throw error;
    }
  }

  private async listParts(ctx: RequestContext): Promise<void> {
    const upload = this.findUpload(ctx);
    const maxParts = Math.min(parseNonNegativeInteger(ctx.query.get("max-parts") ?? String(MAX_LIST_ENTRIES), "max-parts"), MAX_LIST_ENTRIES);
    const marker = parseNonNegativeInteger(ctx.query.get("part-number-marker") ?? "0", "part-number-marker");
    const following = [...upload.parts.entries()].filter(([number]) => number > marker).sort(([a], [b]) => a - b);
    const page = following.slice(0, maxParts);
    const truncated = following.length > page.length;
    const xml = xmlDocument(
      "ListPartsResult",
      leaf("Bucket", this.options.bucket),
      leaf("Key", upload.key),
      leaf("UploadId", upload.uploadId),
      leaf("PartNumberMarker", marker),
      leaf("NextPartNumberMarker", page.at(-1)?.[0] ?? marker),
      leaf("MaxParts", maxParts),
      leaf("IsTruncated", truncated),
      leaf("StorageClass", "STANDARD"),
      ...page.map(([number, part]) =>
        branch("Part", leaf("PartNumber", number), leaf("LastModified", part.lastModified.toISOString()), leaf("ETag", quoteEtag(part.md5Hex)), leaf("Size", part.size)),
      ),
    );
    this.sendXml(ctx, 200, xml);
  }

  private async completeMultipartUpload(ctx: RequestContext): Promise<void> {
    this.findUpload(ctx);
    const root = await this.receiveXml(ctx);
    const upload = this.findUpload(ctx);
    const requested = parseCompleteRequest(root);
    const parts = this.checkCompletableParts(upload, requested);
    this.checkWriteConditions(ctx);

    const file = path.join(this.tmpDir, randomId(16));
    try {
      await concatenate(parts.map((part) => part.file), file);
    } catch (error) {
      removeQuietly(file);
      // The parts vanished under us: the upload was aborted or completed concurrently.
      if (!this.uploads.has(upload.uploadId)) throw noSuchUpload(upload.uploadId);
      throw error;
    }
    if (this.uploads.get(upload.uploadId) !== upload) {
      removeQuietly(file);
      throw noSuchUpload(upload.uploadId);
    }
    const md5OfMd5s = createHash("md5").update(Buffer.concat(parts.map((part) => Buffer.from(part.md5Hex, "hex")))).digest("hex");
    const size = parts.reduce((total, part) => total + part.size, 0);
    const object: StoredObject = {
      file: await this.keep(file),
      size,
      md5Hex: md5OfMd5s,
      etag: `"${md5OfMd5s}-${parts.length}"`,
      lastModified: nowToTheSecond(),
      attributes: upload.attributes,
    };
    this.storeObject(upload.key, object);
    this.discardUpload(upload);
    const location = `${this.endpoint}/${encodeRfc3986(this.options.bucket)}/${upload.key.split("/").map(encodeRfc3986).join("/")}`;
    this.sendXml(
      ctx,
      200,
      xmlDocument("CompleteMultipartUploadResult", leaf("Location", location), leaf("Bucket", this.options.bucket), leaf("Key", upload.key), leaf("ETag", object.etag)),
    );
  }

  /** S3's rules: ascending part numbers, each uploaded with that ETag, all but the last at least 5 MiB. */
  private checkCompletableParts(upload: MultipartUpload, requested: Array<{ partNumber: number; etag: string }>): StoredFile[] {
    let previousNumber = 0;
    const parts = requested.map(({ partNumber, etag }) => {
      if (partNumber <= previousNumber) throw new S3Error(400, "InvalidPartOrder", "The list of parts was not in ascending order. Parts must be ordered by part number.", { UploadId: upload.uploadId });
      previousNumber = partNumber;
      const part = upload.parts.get(partNumber);
      if (!part || unquoteEtag(etag) !== part.md5Hex) {
        throw new S3Error(400, "InvalidPart", "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.", {
          UploadId: upload.uploadId,
          PartNumber: partNumber,
          ETag: etag,
        });
      }
      return { ...part, partNumber };
    });
    const tooSmall = parts.slice(0, -1).find((part) => part.size < MIN_PART_SIZE);
    if (tooSmall) {
      throw new S3Error(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size", {
        ProposedSize: tooSmall.size,
        MinSizeAllowed: MIN_PART_SIZE,
        PartNumber: tooSmall.partNumber,
        ETag: quoteEtag(tooSmall.md5Hex),
      });
    }
    return parts;
  }

  private async abortMultipartUpload(ctx: RequestContext): Promise<void> {
    this.discardUpload(this.findUpload(ctx));
    this.sendEmpty(ctx, 204);
  }

  private discardUpload(upload: MultipartUpload): void {
    this.uploads.delete(upload.uploadId);
    for (const part of upload.parts.values()) removeQuietly(part.file);
  }
}

function parseCopySource(header: string): { bucket: string; key: string } {
  const questionMark = header.indexOf("?");
  if (questionMark !== -1) throw notImplemented("copying a specific object version");
  const source = decodeUriPart(header).replace(/^\//, "");
  const slash = source.indexOf("/");
  if (slash <= 0 || slash === source.length - 1) throw invalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey", "x-amz-copy-source", header);
  return { bucket: source.slice(0, slash), key: source.slice(slash + 1) };
}

/**
 * Whether `key` comes after the last entry of the previous page. When that entry was a common
 * prefix (it ends with the delimiter: any key that does was rolled up into one), every key
 * under it was already covered.
 */
function isPastContinuation(key: string, lastEntry: string, delimiter: string | undefined): boolean {
  if (compareUtf8(key, lastEntry) <= 0) return false;
  return !(delimiter !== undefined && lastEntry.endsWith(delimiter) && key.startsWith(lastEntry));
}

/** Continuation tokens are opaque to clients; ours is the last key or common prefix returned. */
function decodeContinuationToken(token: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(token)) throw invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
  return Buffer.from(token, "base64url").toString("utf8");
}

function parseCompleteRequest(root: XmlElement): Array<{ partNumber: number; etag: string }> {
  if (root.name !== "CompleteMultipartUpload") throw malformedXml();
  const parts = childrenNamed(root, "Part").map((part) => {
    const partNumber = (childText(part, "PartNumber") ?? "").trim();
    const etag = childText(part, "ETag");
    if (!/^\d{1,5}$/.test(partNumber) || etag === undefined) throw malformedXml();
    return { partNumber: Number(partNumber), etag };
  });
  if (parts.length === 0) throw malformedXml();
  return parts;
}

/** Appends the files to `target`, streaming (parts may be up to 5 GiB each). */
async function concatenate(files: string[], target: string): Promise<void> {
  const output = fs.createWriteStream(target, { flags: "wx" });
  try {
    for (const file of files) await pipeline(fs.createReadStream(file), output, { end: false });
    await new Promise<void>((resolve, reject) => {
      output.once("error", reject);
      output.end(resolve);
    });
  } catch (error) {
    output.destroy();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The server

export async function startS3StandIn(options: S3StandInOptions = {}): Promise<S3StandIn> {
  const root = await fsp.mkdtemp(path.join(options.directory ?? os.tmpdir(), "s3-stand-in-"));
  const credentials: Credentials = { accessKeyId: TEST_ACCESS_KEY_ID, secretAccessKey: TEST_SECRET_ACCESS_KEY, region: TEST_REGION };
  const emulation = new S3Emulation({ root, credentials, bucket: TEST_BUCKET, allowUnsizedBodies: options.allowUnsizedBodies ?? false });
  const inFlight = new Set<Promise<void>>();
  // Idle keep-alive connections stay open longer than Node's 5 s default: the SDK reuses them,
  // and a server closing one just as the client picks it up makes for flaky "socket hang up"s.
  const server = http.createServer({ keepAliveTimeout: 65_000 });
  const serve = (req: http.IncomingMessage, res: http.ServerResponse, expectsContinue: boolean) => {
    const served = emulation
      .serve(req, res, expectsContinue)
      .catch(() => {
        res.destroy();
      })
      .finally(() => inFlight.delete(served));
    inFlight.add(served);
  };
  server.on("request", (req, res) => serve(req, res, false));
  // Answering before "100 Continue" lets a refused upload (auth, failAll) skip sending its body, as with S3.
  server.on("checkContinue", (req, res) => serve(req, res, true));

  try {
    await emulation.prepare();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await fsp.rm(root, { recursive: true, force: true });
    throw error;
  }
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  emulation.endpoint = endpoint;

  let closing: Promise<void> | undefined;
  const close = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    await Promise.allSettled([...inFlight]);
    await fsp.rm(root, { recursive: true, force: true });
  };

  return {
    endpoint,
    bucket: TEST_BUCKET,
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    region: credentials.region,
    keys: () => emulation.keys(),
    requests: () => emulation.requestCounts(),
    failAll: (status, operations) => emulation.failAll(status, operations),
    close: () => (closing ??= close()),
  };
}
