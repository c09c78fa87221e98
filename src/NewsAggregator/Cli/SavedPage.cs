using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace NewsAggregator.Cli;

/// <summary>
/// The bytes of a saved page (<c>.html</c>, or gzip-compressed <c>.html.gz</c>) in a buffer
/// rented from the shared pool, which <see cref="Dispose"/> gives back.
/// </summary>
/// <remarks>
/// A run over a folder reads hundreds of pages of a few hundred kilobytes each. Read into a growing
/// <see cref="MemoryStream"/> and copied out, each page took three to four times its size in new
/// arrays (the doubling buffers and the copy), which the collector took from fresh memory: in a
/// profile of the page faults of a run over the zyte set, growing that stream was about a tenth.
/// A rented buffer is sized once, from the file's length or the size a gzip file records in its
/// last four bytes, and is used again for a later page.
/// </remarks>
internal sealed class SavedPage : IDisposable
{
    // A size recorded in a gzip file is a hint: past this, start smaller and grow as read.
    private const int LargestHint = 64 << 20;
    private const int SmallestBuffer = 4096;

    private byte[] _buffer;

    private SavedPage(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, Length);

    public static async Task<SavedPage> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadAllAsync(file, SizeHint(file.Length), cancellationToken);
        }
        var hint = await GzipSizeAsync(file, cancellationToken);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return await ReadAllAsync(gzip, hint, cancellationToken);
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    // The uncompressed size a gzip file records in its last four bytes (modulo 4 GiB, and of its
    // last member only: a hint, which the reading does not trust).
    private static async Task<int> GzipSizeAsync(FileStream file, CancellationToken cancellationToken)
    {
        const int Trailer = 4;
        if (file.Length < 18)
        {
            return SmallestBuffer;
        }
        var size = new byte[Trailer];
        file.Position = file.Length - Trailer;
        await file.ReadExactlyAsync(size, cancellationToken);
        file.Position = 0;
        return SizeHint(BinaryPrimitives.ReadUInt32LittleEndian(size));
    }

    private static int SizeHint(long size) => size > LargestHint ? SmallestBuffer : (int)Math.Max(size, SmallestBuffer);

    private static async Task<SavedPage> ReadAllAsync(Stream source, int hint, CancellationToken cancellationToken)
    {
        // One byte more than the hint, so that a page of exactly that size ends without growing.
        var buffer = ArrayPool<byte>.Shared.Rent(hint + 1);
        var length = 0;
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
            return new SavedPage(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
