using System.Net.Http.Headers;
using System.Text;

namespace InternetHospital.Infrastructure.Imaging;

/// <summary>
/// The <c>multipart/related</c> bodies of DICOMweb (PS3.18 8.6): WADO-RS answers an instance as one part of type
/// application/dicom; STOW-RS takes one part per file.
/// </summary>
internal static class MultipartRelated
{
    public sealed record Part(string? ContentType, byte[] Content);

    /// <summary>The parts of a multipart body; the boundary comes from the Content-Type header. Throws <see cref="FormatException"/> when the body is not multipart.</summary>
    public static IReadOnlyList<Part> Parse(MediaTypeHeaderValue? contentType, ReadOnlySpan<byte> body)
    {
        var boundary = contentType?.Parameters.FirstOrDefault(p => string.Equals(p.Name, "boundary", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"');
        if (contentType?.MediaType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) != true || string.IsNullOrEmpty(boundary))
        {
            throw new FormatException("Not a multipart answer.");
        }

        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var parts = new List<Part>();
        var start = body.IndexOf(delimiter);
        if (start < 0)
        {
            throw new FormatException("The multipart boundary does not occur in the body.");
        }

        var position = start + delimiter.Length;
        while (true)
        {
            var rest = body[position..];
            if (rest.StartsWith("--"u8))
            {
                break; // the closing delimiter
            }

            // Past the delimiter line: optional transport padding, then CRLF.
            var lineEnd = rest.IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                throw new FormatException("A multipart delimiter line does not end.");
            }

            var partStart = position + lineEnd + 2;
            var next = body[partStart..].IndexOf(Concat("\r\n"u8, delimiter));
            if (next < 0)
            {
                throw new FormatException("A multipart part does not end.");
            }

            parts.Add(ParsePart(body.Slice(partStart, next)));
            position = partStart + next + 2 + delimiter.Length;
        }

        return parts;
    }

    /// <summary>Writes one STOW-RS request body part (the DICOM file as it is) between the boundaries.</summary>
    public static byte[] Single(string boundary, string contentType, ReadOnlySpan<byte> content)
    {
        var head = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Type: {contentType}\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        var body = new byte[head.Length + content.Length + tail.Length];
        head.CopyTo(body, 0);
        content.CopyTo(body.AsSpan(head.Length));
        tail.CopyTo(body, head.Length + content.Length);
        return body;
    }

    private static Part ParsePart(ReadOnlySpan<byte> part)
    {
        string? contentType = null;
        var headerEnd = part.IndexOf("\r\n\r\n"u8);
        int contentStart;
        if (part.StartsWith("\r\n"u8))
        {
            contentStart = 2; // no headers at all
        }
        else if (headerEnd < 0)
        {
            throw new FormatException("A multipart part has no end of headers.");
        }
        else
        {
            foreach (var line in Encoding.ASCII.GetString(part[..headerEnd]).Split("\r\n"))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && line[..colon].Trim().Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    contentType = line[(colon + 1)..].Trim();
                }
            }

            contentStart = headerEnd + 4;
        }

        return new Part(contentType, part[contentStart..].ToArray());
    }

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var result = new byte[a.Length + b.Length];
        a.CopyTo(result);
        b.CopyTo(result.AsSpan(a.Length));
        return result;
    }
}
