using System.Numerics;
using Drydock.Logs.Analysis;
using Drydock.Logs.Signatures;
using FsCheck;
using FsCheck.Fluent;

namespace Drydock.Logs.Tests;

/// <summary>The line gate's multi-string index finds exactly what a naive search finds, wherever the string sits.</summary>
public sealed class AnchorIndexTests
{
    [Fact]
    public void FindsEveryStringAtEveryOffsetAndLineLength()
    {
        string[] strings = ["error:", "FAIL", "exit code 137", "No space left on device", "● x"];
        var index = new AnchorIndex(strings.Where(value => value.Length >= AnchorIndex.MinimumLength));
        foreach (string value in index.Strings)
        {
            for (int before = 0; before < 5; before++)
            {
                for (int after = 0; after < 5; after++)
                {
                    string line = new string('.', before) + value + new string(' ', after);
                    Assert.Equal([value], Found(index, line));
                }
            }
        }
    }

    [Fact]
    public void FindsSeveralStringsInOneLineAndNothingInAnUnrelatedOne()
    {
        var index = new AnchorIndex(["error:", "Traceback", "Killed"]);
        Assert.Equal(["error:", "Killed"], Found(index, "gcc: error: Killed by signal 9"));
        Assert.Empty(Found(index, "Collecting requests==2.32.3 (from -r requirements.txt (line 4))"));
        Assert.Empty(Found(index, "err"));
        Assert.Empty(Found(index, ""));
    }

    [Fact]
    public void RejectsAStringShorterThanItsTrigramAndStride() =>
        Assert.Throws<ArgumentException>(() => new AnchorIndex(["ok", "error:"]));

    [Fact]
    public void AgreesWithANaiveSearchOnRandomLines()
    {
        // A tiny alphabet makes strings collide, overlap and repeat: the cases a hashed table can get wrong.
        var alphabet = Gen.Elements('a', 'b', ' ', ':', '●');
        var word = from length in Gen.Choose(AnchorIndex.MinimumLength, 7) from chars in Gen.ArrayOf(alphabet, length) select new string(chars);
        var line = from length in Gen.Choose(0, 40) from chars in Gen.ArrayOf(alphabet, length) select new string(chars);
        var cases = from words in Gen.Choose(1, 12).SelectMany(count => Gen.ArrayOf(word, count)) from text in line select (Words: words.Distinct().ToArray(), Text: text);
        Prop.ForAll(cases.ToArbitrary(), sample =>
        {
            var index = new AnchorIndex(sample.Words);
            var expected = sample.Words.Where(value => sample.Text.Contains(value, StringComparison.Ordinal));
            return Found(index, sample.Text).SequenceEqual(expected);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TheGatePassesALineOnlyToTheSignaturesWhoseAnchorsItHolds()
    {
        var gate = new GateProbe(SignatureCatalog.Default);
        Assert.Contains(SignatureCatalog.Default.ById["LG131"], gate.Candidates("ERROR: failed to solve: process did not complete successfully: exit code: 137"));
        Assert.Contains(SignatureCatalog.Default.ById["LG174"], gate.Candidates("Dockerfile:12 DL3008 warning: Pin versions in apt get install."));
        Assert.Contains(SignatureCatalog.Default.ById["LG047"], gate.Candidates("  ● Sum › adds two numbers"));
        Assert.Empty(gate.Candidates("Collecting package-1370 (from -r requirements.txt (line 42))"));
        Assert.False(gate.HasMarker("Collecting package-1370 (from -r requirements.txt (line 42))"));
        Assert.True(gate.HasMarker("npm ERR! code ELIFECYCLE"));
        Assert.True(gate.HasMarker("  ✖ 3 problems"));
    }

    private static List<string> Found(AnchorIndex index, string text)
    {
        var bits = new ulong[index.FoundWords];
        index.FindAll(text, bits);
        var found = new List<string>();
        for (int word = 0; word < bits.Length; word++)
        {
            for (ulong rest = bits[word]; rest != 0; rest &= rest - 1)
            {
                found.Add(index.Strings[(word << 6) + BitOperations.TrailingZeroCount(rest)]);
            }
        }

        return found;
    }
}

/// <summary>Runs the scanner's line gate on one line, as the scanner does.</summary>
internal sealed class GateProbe(SignatureCatalog catalog)
{
    private readonly LineGate gate = new(catalog, GeneralExtractor.Markers);

    public List<Signature> Candidates(string line)
    {
        var signatures = new ulong[gate.SignatureWords];
        gate.Inspect(line, new ulong[gate.ScratchWords], signatures);
        var result = new List<Signature>();
        for (int word = 0; word < signatures.Length; word++)
        {
            for (ulong rest = signatures[word]; rest != 0; rest &= rest - 1)
            {
                result.Add(catalog.Signatures[(word << 6) + BitOperations.TrailingZeroCount(rest)]);
            }
        }

        return result;
    }

    public bool HasMarker(string line) => gate.Inspect(line, new ulong[gate.ScratchWords], new ulong[gate.SignatureWords]);
}
