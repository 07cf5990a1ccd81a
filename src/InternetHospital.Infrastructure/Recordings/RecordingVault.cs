using System.Buffers.Binary;
using System.Security.Cryptography;
using InternetHospital.Application.VideoVisits.Media;
using InternetHospital.Application.VideoVisits.Recording;
using InternetHospital.Domain.Common;
using InternetHospital.Domain.VideoVisits;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Infrastructure.Recordings;

/// <summary>
/// Recordings encrypted at rest in the database (the file store: one place to back up, shared by every instance).
/// Each recording has its own random AES-256 key, kept wrapped under the Data Protection key ring (itself encrypted
/// under <c>Security:KeyRingKey</c>, outside the database): a copy of the database alone plays nothing. The file is cut
/// into 1 MiB chunks, each sealed with AES-GCM and bound to its recording and index, so a seek decrypts one or two
/// chunks and a chunk moved or swapped fails to decrypt.
/// </summary>
internal sealed class RecordingVault(AppDbContext db, IDataProtectionProvider protection, TimeProvider clock) : IRecordingVault
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly IDataProtector keys = protection.CreateProtector("InternetHospital.VisitRecordings.v1");

    public async Task<VisitRecording> StoreAsync(NewRecording recording, Stream content, CancellationToken cancellationToken)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var aes = new AesGcm(key, TagSize);
            var recordingId = NewId.Next();
            var sealedChunks = new List<VisitRecordingChunk>();
            var buffer = new byte[VisitRecording.ChunkSize];
            long size = 0;
            var index = 0;
            while (true)
            {
                var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                hash.AppendData(buffer, 0, read);
                sealedChunks.Add(new VisitRecordingChunk(recordingId, index, Seal(aes, recordingId, index, buffer[..read])));
                index++;
                size += read;
                if (read < buffer.Length)
                {
                    break;
                }
            }

            var stored = VisitRecording.Create(
                recordingId,
                recording.VisitId, recording.PatientId, recording.Role, recording.AccountId, recording.Participant, recording.RecordedAt,
                recording.DurationSeconds, recording.ContentType, size, Convert.ToHexStringLower(hash.GetHashAndReset()),
                Convert.ToBase64String(keys.Protect(key)), sealedChunks.Count, clock.GetUtcNow());
            db.VisitRecordings.Add(stored);
            db.VisitRecordingChunks.AddRange(sealedChunks);
            return stored;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public async Task<byte[]> ReadAsync(VisitRecording recording, long from, long to, CancellationToken cancellationToken)
    {
        var first = (int)(from / VisitRecording.ChunkSize);
        var last = (int)(to / VisitRecording.ChunkSize);
        var chunks = await db.VisitRecordingChunks.AsNoTracking()
            .Where(c => c.RecordingId == recording.Id && c.Index >= first && c.Index <= last)
            .OrderBy(c => c.Index)
            .Select(c => new { c.Index, c.Data })
            .ToListAsync(cancellationToken);
        var key = keys.Unprotect(Convert.FromBase64String(recording.WrappedKey));
        try
        {
            using var aes = new AesGcm(key, TagSize);
            var result = new byte[to - from + 1];
            var written = 0;
            foreach (var chunk in chunks)
            {
                var plain = Open(aes, recording.Id, chunk.Index, chunk.Data);
                var chunkStart = (long)chunk.Index * VisitRecording.ChunkSize;
                var start = (int)Math.Max(0, from - chunkStart);
                var end = (int)Math.Min(plain.Length - 1, to - chunkStart);
                plain.AsSpan(start, end - start + 1).CopyTo(result.AsSpan(written));
                written += end - start + 1;
            }

            return written == result.Length ? result : throw new InvalidOperationException($"Recording {recording.Id} is missing chunks.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] Seal(AesGcm aes, Guid recordingId, int index, byte[] plain)
    {
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(0, NonceSize));
        aes.Encrypt(sealedBytes.AsSpan(0, NonceSize), plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), AssociatedData(recordingId, index));
        return sealedBytes;
    }

    private static byte[] Open(AesGcm aes, Guid recordingId, int index, byte[] sealedBytes)
    {
        var length = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[length];
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plain, AssociatedData(recordingId, index));
        return plain;
    }

    private static byte[] AssociatedData(Guid recordingId, int index)
    {
        var data = new byte[20];
        recordingId.TryWriteBytes(data);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(16), index);
        return data;
    }
}

/// <summary>
/// Recording goes through the media server of the call: Janus records each feed of the visit's room; a browser mesh has
/// no server in the media path, so nothing can be recorded and the visit record says so.
/// </summary>
internal sealed class MediaServerVisitRecorder(IMediaServer server) : IVisitRecorder
{
    public RecordingCapability Capability => server.IsServer ? RecordingCapability.Available : RecordingCapability.Unavailable;

    public Task SetRecordingAsync(Guid visitId, bool record, CancellationToken cancellationToken) =>
        server.EnableRecordingAsync(visitId, record, cancellationToken);
}
