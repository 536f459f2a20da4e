using System.Buffers.Binary;
using System.Numerics;

namespace Kolla.Configuration;

/// <summary>
/// A hash of a key's UTF-8 bytes for the sections' lookup tables: eight bytes per step, then a final mix so the low
/// bits (which pick the table position) depend on every byte. Not randomised: the inputs are the user's own files.
/// </summary>
internal static class IniKeyHash
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    public static int Of(ReadOnlySpan<byte> key)
    {
        var h = (ulong)key.Length * Multiplier;
        while (key.Length >= 8)
        {
            h = BitOperations.RotateLeft((h ^ BinaryPrimitives.ReadUInt64LittleEndian(key)) * Multiplier, 31);
            key = key[8..];
        }

        if (!key.IsEmpty)
        {
            ulong tail = 0;
            for (var i = key.Length - 1; i >= 0; i--)
            {
                tail = (tail << 8) | key[i];
            }

            h = BitOperations.RotateLeft((h ^ tail) * Multiplier, 31);
        }

        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9;
        h ^= h >> 32;
        return (int)h;
    }
}
