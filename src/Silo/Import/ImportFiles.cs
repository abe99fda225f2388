using System.Security.Cryptography;
using ParIndex.Silo.Evidence;

namespace ParIndex.Silo.Import;

/// <summary>
/// Stored copies of imported scores files, content-addressed like the evidence files (in the evidence folder's
/// <c>imports</c> subfolder): each is written once under its SHA-256. The copy is made while the importer reads the
/// file, so a file is read once and never held whole.
/// </summary>
public sealed class ImportFiles(EvidenceOptions options)
{
    public string Folder => Path.Combine(options.Folder, "imports");

    public string PathOf(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower)
            ? Path.Combine(Folder, sha256[..2], sha256)
            : throw new ArgumentException($"\"{sha256}\" is not a lower-case SHA-256.", nameof(sha256));

    /// <summary>The stored copy of an imported file.</summary>
    /// <exception cref="FileNotFoundException">No copy under that hash.</exception>
    public Stream Open(string sha256) => new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    /// <summary>
    /// Starts reading <paramref name="content"/>: what its <see cref="StagedFile.Reader"/> reads is hashed and copied to a
    /// staging file beside the store. Disposing the staged file removes the staging file unless it was kept.
    /// </summary>
    /// <param name="content">Taken over: closed with the staged file, or at once if staging cannot start.</param>
    public StagedFile Stage(Stream content, string fileName)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            return new StagedFile(this, content, fileName, Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".tmp"));
        }
        catch
        {
            content.Dispose();
            throw;
        }
    }
}

/// <summary>An imported file on its way into the store: read once, hashed and copied as it is read.</summary>
public sealed class StagedFile : IDisposable
{
    private readonly ImportFiles _files;
    private readonly CopyingStream _copy;
    private readonly string _staging;
    private string? _sha256;

    internal StagedFile(ImportFiles files, Stream content, string fileName, string staging)
    {
        _files = files;
        _staging = staging;
        FileName = fileName;
        _copy = new CopyingStream(content, new FileStream(staging, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
        // The same decoding as every import: UTF-8, a byte order mark dropped.
        Reader = new StreamReader(_copy, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    public string FileName { get; }

    /// <summary>The file's text, for the format's reader.</summary>
    public TextReader Reader { get; }

    /// <summary>Lower-case hex of the file's bytes; known once <see cref="Finish"/> has run.</summary>
    public string Sha256 => _sha256 ?? throw new InvalidOperationException("The file has not been read to its end.");

    public long Size => _copy.Length;

    /// <summary>Reads whatever the reader left (so the hash and the copy are of the whole file) and closes the copy.</summary>
    public void Finish()
    {
        if (_sha256 is not null) return;
        var rest = new byte[1 << 16];
        while (_copy.Read(rest, 0, rest.Length) > 0) { }
        _sha256 = _copy.Complete();
    }

    /// <summary>Moves the copy to its place in the store; true if this put it there (no copy of the same bytes was stored).</summary>
    internal bool Keep()
    {
        var path = _files.PathOf(Sha256);
        if (File.Exists(path)) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(_staging, path, overwrite: true);
        return true;
    }

    /// <summary>
    /// The import that kept the copy failed: the copy goes if this import put it there. (Another import of the very same
    /// bytes committing in the same instant would then lack its copy; a far smaller harm than every failed import leaving one.)
    /// </summary>
    internal void Unkeep(bool created)
    {
        if (!created) return;
        try { File.Delete(_files.PathOf(Sha256)); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    public void Dispose()
    {
        Reader.Dispose();
        _copy.Dispose();
        try { File.Delete(_staging); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // kept: already moved
    }

    /// <summary>Reads its source and, as it goes, hashes what it read and writes it to the copy.</summary>
    private sealed class CopyingStream(Stream source, FileStream copy) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _length;
        private bool _complete;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_complete) return 0;
            var n = source.Read(buffer);
            _hash.AppendData(buffer[..n]);
            copy.Write(buffer[..n]);
            _length += n;
            return n;
        }

        /// <summary>Flushes the copy to disk and gives the hash.</summary>
        public string Complete()
        {
            _complete = true;
            copy.Flush(flushToDisk: true);
            copy.Dispose();
            return Convert.ToHexStringLower(_hash.GetHashAndReset());
        }

        public override long Length => _length;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                copy.Dispose();
                source.Dispose();
                _hash.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
