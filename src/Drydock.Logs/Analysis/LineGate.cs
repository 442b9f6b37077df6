using System.Buffers;
using System.Numerics;
using Drydock.Logs.Signatures;

namespace Drydock.Logs.Analysis;

/// <summary>
/// One pass over a line that tells the scanner which signatures may match it (their anchors occur in it) and
/// whether it holds a failure marker the general extractor scores. Nearly every line holds neither and costs
/// only the <see cref="AnchorIndex"/> scan; the regexes run on the few that pass.
/// </summary>
internal sealed class LineGate
{
    private readonly AnchorIndex index;

    /// <summary>For each string of the index, the positions in the catalog of the signatures it anchors.</summary>
    private readonly int[][] signaturesOf;

    /// <summary>Bits of the index strings that are general-extractor markers.</summary>
    private readonly ulong[] markerBits;

    /// <summary>Anchors too short for the index ("● "): each starts with a rare non-ASCII character, found first.</summary>
    private readonly (string Anchor, int Signature)[] shortAnchors;

    private readonly SearchValues<char> shortAnchorStarts;

    public LineGate(SignatureCatalog catalog, IEnumerable<string> markers)
    {
        var strings = new List<string>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var signatures = new List<List<int>>();
        var shorts = new List<(string, int)>();
        int Intern(string value)
        {
            if (!positions.TryGetValue(value, out int position))
            {
                positions[value] = position = strings.Count;
                strings.Add(value);
                signatures.Add([]);
            }

            return position;
        }

        for (int s = 0; s < catalog.Signatures.Count; s++)
        {
            foreach (string anchor in catalog.Signatures[s].Anchors)
            {
                if (anchor.Length < AnchorIndex.MinimumLength)
                {
                    shorts.Add((anchor, s));
                }
                else
                {
                    signatures[Intern(anchor)].Add(s);
                }
            }
        }

        var markerPositions = markers.Select(Intern).ToList();
        index = new AnchorIndex(strings);
        signaturesOf = [.. signatures.Select(list => list.Distinct().ToArray())];
        markerBits = new ulong[index.FoundWords];
        foreach (int position in markerPositions)
        {
            markerBits[position >> 6] |= 1UL << position;
        }

        shortAnchors = [.. shorts];
        shortAnchorStarts = SearchValues.Create([.. shorts.Select(pair => pair.Item1[0]).Distinct()]);
        SignatureWords = (catalog.Signatures.Count + 63) / 64;
    }

    /// <summary>Length of the scratch span <see cref="Inspect"/> needs.</summary>
    public int ScratchWords => index.FoundWords;

    /// <summary>Length of the signature bit set <see cref="Inspect"/> fills.</summary>
    public int SignatureWords { get; }

    /// <summary>
    /// Fills <paramref name="signatures"/> (cleared first) with the catalog positions of the signatures whose anchors
    /// occur in <paramref name="content"/>, and returns whether it holds a marker or a failure glyph.
    /// </summary>
    public bool Inspect(ReadOnlySpan<char> content, Span<ulong> scratch, Span<ulong> signatures)
    {
        scratch.Clear();
        signatures.Clear();
        index.FindAll(content, scratch);
        bool marker = GeneralExtractor.HasGlyph(content);
        for (int word = 0; word < scratch.Length; word++)
        {
            ulong bits = scratch[word];
            marker |= (bits & markerBits[word]) != 0;
            while (bits != 0)
            {
                int position = (word << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                foreach (int signature in signaturesOf[position])
                {
                    signatures[signature >> 6] |= 1UL << signature;
                }
            }
        }

        if (shortAnchors.Length > 0 && content.IndexOfAny(shortAnchorStarts) >= 0)
        {
            foreach (var (anchor, signature) in shortAnchors)
            {
                if (content.Contains(anchor, StringComparison.Ordinal))
                {
                    signatures[signature >> 6] |= 1UL << signature;
                }
            }
        }

        return marker;
    }
}
