using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Drydock.Logs.Signatures;

/// <summary>
/// Finds which of a few hundred fixed strings (the signatures' anchors and the failure markers) occur in a line,
/// in one pass that looks at every second position. Each string of length 4 or more puts the trigrams at its
/// offsets 0 and 1 into a hashed bit table; a scan hashes the trigram at each even position, and only a set bit
/// leads to comparing the candidate strings. Any occurrence starting at p covers an even position p or p+1
/// whose trigram lies inside it, so nothing is missed.
/// </summary>
/// <remarks>
/// Why not <see cref="System.Buffers.SearchValues{T}"/>: past 80 strings it falls back to a scalar Aho-Corasick
/// that costs about 3 ns a character, the largest share of a diagnose run; this table costs under 1 ns.
/// </remarks>
public sealed class AnchorIndex
{
    /// <summary>Shortest string the index takes: the trigram length plus the stride, minus one.</summary>
    public const int MinimumLength = 4;

    private const int Stride = 2;
    private const int HashBits = 16;
    private const ulong TrigramMask = 0xFFFF_FFFF_FFFFUL;

    private readonly ulong[] filter = new ulong[(1 << HashBits) / 64];
    private readonly Dictionary<ulong, Candidate[]> candidates;
    private readonly string[] strings;

    public AnchorIndex(IEnumerable<string> strings)
    {
        this.strings = [.. strings];
        var byTrigram = new Dictionary<ulong, List<Candidate>>();
        for (int id = 0; id < this.strings.Length; id++)
        {
            string value = this.strings[id];
            if (value.Length < MinimumLength)
            {
                throw new ArgumentException($"'{value}' is shorter than {MinimumLength} characters", nameof(strings));
            }

            for (int offset = 0; offset < Stride; offset++)
            {
                ulong trigram = Trigram(value.AsSpan(offset));
                if (!byTrigram.TryGetValue(trigram, out var list))
                {
                    byTrigram[trigram] = list = [];
                    int hash = Hash(trigram);
                    filter[hash >> 6] |= 1UL << hash;
                }

                list.Add(new Candidate(id, offset));
            }
        }

        candidates = byTrigram.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
    }

    public IReadOnlyList<string> Strings => strings;

    /// <summary>Words of a bit set with one bit per string, as <see cref="FindAll"/> fills it.</summary>
    public int FoundWords => (strings.Length + 63) / 64;

    /// <summary>Sets the bit of every string that occurs in <paramref name="text"/> (bits already set stay set).</summary>
    public void FindAll(ReadOnlySpan<char> text, Span<ulong> found)
    {
        int length = text.Length;
        if (length < MinimumLength)
        {
            return;
        }

        ref char start = ref MemoryMarshal.GetReference(text);
        int position = 0;

        // Four characters at a time, the fourth masked off: stop while four remain so the read stays inside.
        for (; BitConverter.IsLittleEndian && position + 4 <= length; position += Stride)
        {
            ulong trigram = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref start, position))) & TrigramMask;
            if (MayHold(trigram))
            {
                Verify(text, position, trigram, found);
            }
        }

        for (; position + 3 <= length; position += Stride)
        {
            ulong trigram = Trigram(text[position..]);
            if (MayHold(trigram))
            {
                Verify(text, position, trigram, found);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool MayHold(ulong trigram)
    {
        int hash = Hash(trigram);
        return (filter[hash >> 6] & (1UL << hash)) != 0;
    }

    private void Verify(ReadOnlySpan<char> text, int position, ulong trigram, Span<ulong> found)
    {
        if (!candidates.TryGetValue(trigram, out var list))
        {
            return;
        }

        foreach (var candidate in list)
        {
            int start = position - candidate.Offset;
            if (start >= 0 && text[start..].StartsWith(strings[candidate.Id], StringComparison.Ordinal))
            {
                found[candidate.Id >> 6] |= 1UL << candidate.Id;
            }
        }
    }

    private static ulong Trigram(ReadOnlySpan<char> text) => text[0] | ((ulong)text[1] << 16) | ((ulong)text[2] << 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ulong trigram) => (int)((trigram * 0x9E3779B97F4A7C15UL) >> (64 - HashBits));

    private readonly record struct Candidate(int Id, int Offset);
}
