using System.Buffers;
using System.Text;

namespace InternetHospital.Infrastructure.His.Hl7v2;

/// <summary>
/// The Minimal Lower Layer Protocol: a message travels as <c>0x0B</c> + UTF-8 bytes + <c>0x1C 0x0D</c> over TCP.
/// </summary>
internal static class Mllp
{
    public const byte StartBlock = 0x0B;
    public const byte EndBlock = 0x1C;
    public const byte CarriageReturn = 0x0D;

    /// <summary>Refuse frames larger than this: a peer that never ends a frame must not exhaust memory.</summary>
    public const int MaxFrameBytes = 1024 * 1024;

    public static byte[] Frame(string message)
    {
        var count = Encoding.UTF8.GetByteCount(message);
        var frame = new byte[count + 3];
        frame[0] = StartBlock;
        Encoding.UTF8.GetBytes(message, frame.AsSpan(1));
        frame[^2] = EndBlock;
        frame[^1] = CarriageReturn;
        return frame;
    }

    /// <summary>
    /// Reads one frame and returns its text, or null when the peer closed the connection cleanly before a frame
    /// began. A connection closed inside a frame, bytes before the start block or an oversized frame are errors.
    /// </summary>
    public static async Task<string?> ReadFrameAsync(Stream stream, CancellationToken cancellationToken)
    {
        var one = new byte[1];
        if (await stream.ReadAsync(one, cancellationToken) == 0)
        {
            return null;
        }

        if (one[0] != StartBlock)
        {
            throw new MllpException("The frame does not begin with the MLLP start block (0x0B).");
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        var chunk = new byte[4096];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                throw new MllpException("The connection closed in the middle of a frame.");
            }

            buffer.Write(chunk.AsSpan(0, read));
            var written = buffer.WrittenSpan;
            var end = written.IndexOf([EndBlock, CarriageReturn]);
            if (end >= 0)
            {
                if (end + 2 != written.Length)
                {
                    throw new MllpException("Bytes followed the end of the frame before a reply was sent.");
                }

                return Encoding.UTF8.GetString(written[..end]);
            }

            if (written.Length > MaxFrameBytes)
            {
                throw new MllpException("The frame is larger than 1 MB.");
            }
        }
    }
}

internal sealed class MllpException(string message) : Exception(message);
