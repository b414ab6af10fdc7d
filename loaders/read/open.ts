// Reading one of the office's files, and nothing else. The folder scan (loaders/ingest.ts) lists
// only regular files to read; the file is then opened without following a link and checked again
// through its handle, so a link or device put in its place meanwhile is refused too, never read
// (a link named *.csv made the ingest read /etc/shadow; /dev/zero grew it to 11,6 GB in a minute;
// a FIFO hung it). Its size is bounded before a byte is read.
import {constants} from "node:fs";
import {open, type FileHandle} from "node:fs/promises";
import {FileRefused} from "./errors.js";

/**
 * The largest file read: 1 GiB. The office's files are a few MB, the benchmark's million-row
 * file is well under it. Node cannot hold a file over 2 GiB in one buffer at all.
 */
export const MAX_FILE_BYTES = 1024 ** 3;

/** Bytes of `path` (the file `file` of the data folder), or a FileRefused saying in Vietnamese why not. */
export async function readRegularFile(path: string, file: string, maxBytes = MAX_FILE_BYTES): Promise<Buffer<ArrayBuffer>> {
  return withRegularFile(path, file, maxBytes, (handle, size) => readWhole(handle, size));
}

/** The first `bytes` bytes of the file (all of a shorter one), and its size; refused as readRegularFile refuses. */
export async function readFileStart(path: string, file: string, bytes: number): Promise<{start: Buffer; size: number}> {
  return withRegularFile(path, file, MAX_FILE_BYTES, async (handle, size) => ({start: await readWhole(handle, Math.min(size, bytes)), size}));
}

/**
 * The file's bytes handed to `take` a chunk at a time, in order, in one buffer read into again (a
 * chunk is only good until `take` returns): a large file is never held whole. Refused as
 * readRegularFile refuses. Returns the file's size.
 */
export async function readInChunks(path: string, file: string, chunkBytes: number, take: (chunk: Buffer) => void, maxBytes = MAX_FILE_BYTES): Promise<number> {
  return withRegularFile(path, file, maxBytes, async (handle, size) => {
    const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(chunkBytes, size)));
    let filled = 0;
    while (filled < size) {
      const {bytesRead} = await handle.read(buffer, 0, Math.min(buffer.length, size - filled), filled);
      if (bytesRead === 0) break;
      take(buffer.subarray(0, bytesRead));
      filled += bytesRead;
    }
    return filled;
  });
}

/** The file opened without following a link, checked through its handle, its size bounded; `use` given the handle and size. */
async function withRegularFile<T>(path: string, file: string, maxBytes: number, use: (handle: FileHandle, size: number) => Promise<T>): Promise<T> {
  // O_NOFOLLOW and O_NONBLOCK do not exist on Windows (0 there): the scan's lstat is the guard.
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  const handle = await open(path, flags).catch((error: unknown) => {
    throw new FileRefused(file, cannotOpen(error as NodeJS.ErrnoException));
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new FileRefused(file, "không còn là một tệp bình thường (bị thay trong lúc nạp); hãy chạy lại lần nạp.");
    if (info.size > maxBytes) {
      throw new FileRefused(
        file,
        `lớn ${gib(info.size)}, vượt giới hạn ${gib(maxBytes)} của một tệp. Tệp của Phòng Kinh tế thường chỉ vài MB: hãy kiểm tra lại tệp, hoặc chia theo năm, quý (ví dụ disbursements_2026_q1.csv, disbursements_2026_q2.csv).`
      );
    }
    return await use(handle, info.size);
  } finally {
    await handle.close();
  }
}

/**
 * The file's `size` bytes (fewer if it shrank meanwhile), read in as few calls as the system
 * allows: handle.readFile() goes by 512 KiB, each a turn of the event loop, which made a large
 * file wait behind the other kinds' work.
 */
async function readWhole(handle: FileHandle, size: number): Promise<Buffer<ArrayBuffer>> {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const {bytesRead} = await handle.read(buffer, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

function gib(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1).replace(".", ",")} GB` : `${Math.ceil(bytes / 1024 ** 2)} MB`;
}

function cannotOpen(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "EACCES":
    case "EPERM":
      return "không có quyền đọc tệp. Hãy đóng tệp nếu đang mở trong chương trình khác, hoặc cấp quyền đọc cho tài khoản đang chạy lệnh nạp.";
    case "ELOOP":
      return "đã bị thay bằng một liên kết trong lúc nạp; liên kết không được đọc. Hãy chép chính tệp vào thư mục dữ liệu.";
    case "ENOENT":
      return "đã bị xóa hoặc đổi tên trong lúc nạp; hãy chạy lại lần nạp.";
    default:
      return `không mở được tệp (${error.code ?? error.message}).`;
  }
}
