/**
 * A tiny ZIP writer for tests: DOCX/ODT fixtures and zip bombs are built from code instead of
 * checked-in binaries. Written by hand (local headers, central directory, end record) because a
 * zip bomb needs what no archiver offers: an entry whose deflated bytes are supplied ready-made,
 * with sizes and CRC-32 that describe gigabytes nobody ever held in memory. No zip64: entries
 * must stay below 4 GiB, which every fixture here does. Test-only; never used on uploads.
 */
import { writeFile } from "node:fs/promises";
import zlib from "node:zlib";

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: 0 | 8;
  /** The entry's bytes as they sit in the archive (already deflated for method 8). */
  data: Uint8Array;
  crc32: number;
  uncompressedSize: number;
}

const ZIP32_LIMIT = 0xffffffff;
/** Bit 11: the name is UTF-8. */
const UTF8_NAMES = 0x0800;
const VERSION_NEEDED = 20;
/** 1980-01-01 00:00, the earliest DOS date: fixtures come out byte-identical on every run. */
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;

const bytesOf = (content: string | Uint8Array) => (typeof content === "string" ? Buffer.from(content, "utf8") : content);

export function storedEntry(name: string, content: string | Uint8Array): ZipEntry {
  const data = bytesOf(content);
  return { name, method: 0, data, crc32: zlib.crc32(data), uncompressedSize: data.length };
}

export function deflatedEntry(name: string, content: string | Uint8Array): ZipEntry {
  const data = bytesOf(content);
  return { name, method: 8, data: zlib.deflateRawSync(data), crc32: zlib.crc32(data), uncompressedSize: data.length };
}

/** The fields local and central headers share, from "version needed" to the name length. */
function commonFields(entry: ZipEntry, name: Buffer): Buffer {
  const fields = Buffer.alloc(26);
  fields.writeUInt16LE(VERSION_NEEDED, 0);
  fields.writeUInt16LE(UTF8_NAMES, 2);
  fields.writeUInt16LE(entry.method, 4);
  fields.writeUInt16LE(DOS_TIME, 6);
  fields.writeUInt16LE(DOS_DATE, 8);
  fields.writeUInt32LE(entry.crc32 >>> 0, 10);
  fields.writeUInt32LE(entry.data.length, 14);
  fields.writeUInt32LE(entry.uncompressedSize, 18);
  fields.writeUInt16LE(name.length, 22);
  fields.writeUInt16LE(0, 24); // extra field length
  return fields;
}

export function zipBytes(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (entry.data.length > ZIP32_LIMIT || entry.uncompressedSize > ZIP32_LIMIT) {
      throw new Error(`${entry.name}: entries of 4 GiB or more need zip64, which this writer does not do`);
    }
    const name = Buffer.from(entry.name, "utf8");
    const fields = commonFields(entry, name);

    const local = Buffer.alloc(4);
    local.writeUInt32LE(0x04034b50, 0);
    parts.push(local, fields, name, Buffer.from(entry.data));

    const head = Buffer.alloc(6);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(VERSION_NEEDED, 4); // version made by: MS-DOS, spec 2.0
    const tail = Buffer.alloc(10); // comment length, disk, internal and external attributes: all 0
    const localOffset = Buffer.alloc(4);
    localOffset.writeUInt32LE(offset, 0);
    central.push(head, fields, tail, localOffset, name);

    offset += local.length + fields.length + name.length + entry.data.length;
  }

  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

export async function writeZip(path: string, entries: ZipEntry[]): Promise<void> {
  await writeFile(path, zipBytes(entries));
}
