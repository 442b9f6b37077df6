using System.Text;
using Drydock.Logs.Analysis;
using Drydock.Logs.Reading;

namespace Drydock.Logs.Tests;

public sealed class ReaderTests
{
    private static List<(long Number, string Text, bool Truncated)> Lines(byte[] bytes, int maxLineChars = LogLineReader.DefaultMaxLineChars)
    {
        using var reader = new LogLineReader(new MemoryStream(bytes), maxLineChars);
        var lines = new List<(long, string, bool)>();
        while (reader.ReadLine(out var line))
        {
            lines.Add((reader.LineNumber, line.ToString(), reader.LineTruncated));
        }

        return lines;
    }

    [Fact]
    public void ALoneCarriageReturnDoesNotStartALine()
    {
        var lines = Lines(Encoding.UTF8.GetBytes("Downloading 10%\rDownloading 60%\rDownloading 100%\nnext\n"));
        Assert.Equal(2, lines.Count);
        Assert.Equal("Downloading 100%", LineNormalizer.LastDrawing(lines[0].Text).ToString());
    }

    [Fact]
    public void LinesAreCountedAsGrepCountsThem()
    {
        Assert.Equal(3, Lines(Encoding.UTF8.GetBytes("a\r\nb\r\nc")).Count);
        Assert.Equal(2, Lines(Encoding.UTF8.GetBytes("a\nb\n")).Count);
        Assert.Empty(Lines([]));
    }

    [Theory]
    [InlineData("\u001b[31mERROR\u001b[0m: boom", "ERROR: boom")]
    [InlineData("[31mERROR[0m: boom", "ERROR: boom")]
    [InlineData("\u001b[0K\u001b[32;1m$ pytest\u001b[0;m", "$ pytest")]
    [InlineData("2025-03-11T09:12:01.1234567Z ##[group]Run pytest", "##[group]Run pytest")]
    [InlineData("plain [INFO] text with [brackets]\r", "plain [INFO] text with [brackets]")]
    public void DecorationsAreStripped(string raw, string expected)
    {
        var buffer = new char[raw.Length + 8];
        int length = LineNormalizer.StripDecorations(raw, buffer);
        Assert.Equal(expected, new string(buffer, 0, length));
    }

    [Fact]
    public void InvalidUtf8BecomesReplacementCharactersAndIsStillScanned()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("ok\nbad "), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes(" E: Unable to locate package libfoo1\n")];
        var scan = LogHarness.Scan(Encoding.Latin1.GetString(bytes));
        var direct = new LogScanner().Scan(LogHarness.Input(bytes));
        Assert.Equal(2, direct.Lines);
        Assert.Contains(direct.Hits, hit => hit.Signature.Id == "LG120");
        Assert.Null(scan.Problem);
    }

    [Fact]
    public void AnOverlongLineIsCutForAnalysisButCountedOnce()
    {
        string huge = new('x', 10_000);
        var lines = Lines(Encoding.UTF8.GetBytes($"first\n{huge}\nafter\n"), maxLineChars: 1024);
        Assert.Equal(3, lines.Count);
        Assert.True(lines[1].Truncated);
        Assert.Equal(1024, lines[1].Text.Length);
        Assert.Equal("after", lines[2].Text);
    }

    [Fact]
    public void AMatchAfterAnOverlongLineKeepsItsLineNumber()
    {
        string text = "a\n" + new string('y', 300_000) + "\nE: Unable to locate package libav58\n";
        var scan = LogHarness.Scan(text, new ScanOptions { MaxLineChars = 4096 });
        Assert.Equal(1, scan.TruncatedLines);
        Assert.Equal(3, Assert.Single(scan.Hits).MatchLine);
    }

    [Fact]
    public void ABinaryFileIsAClearProblem()
    {
        byte[] bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var scan = new LogScanner().Scan(LogHarness.Input(bytes));
        Assert.Contains("binary", scan.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AUtf16LogIsNamedAsSuch()
    {
        var scan = new LogScanner().Scan(LogHarness.Input(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("error: x\n")).ToArray()));
        Assert.Contains("UTF-16", scan.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyLogIsAClearProblem()
    {
        var result = LogHarness.Diagnose(("empty.log", ""));
        Assert.Empty(result.Diagnoses);
        Assert.Contains("empty", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APrivateKeyBlockNeverReachesEvidence()
    {
        string text = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nQyNTUxOQAAACBvdmVyc2VjcmV0\n-----END OPENSSH PRIVATE KEY-----\nfatal: No url found for submodule path 'x' in .gitmodules\n";
        var result = LogHarness.Diagnose(("key.log", text));
        var scan = LogHarness.Scan(text);
        Assert.Equal(5, scan.Hits[0].MatchLine);
        Assert.DoesNotContain(result.Diagnoses.SelectMany(d => d.Evidence.Lines), line => line.Contains("b3BlbnNzaC1rZXkt", StringComparison.Ordinal));
    }
}

public sealed class OverlongLineNoteTests
{
    [Fact]
    public void AnOverlongLineIsNotedInTheResult()
    {
        var input = LogHarness.Input("start\n" + new string('z', 20_000) + "\n", "long.log");
        var result = new DiagnoseEngine(new DiagnoseOptions { Scan = new ScanOptions { MaxLineChars = 1024 } }).Diagnose([input]);
        Assert.Contains("cut for analysis", Assert.Single(result.Notes), StringComparison.Ordinal);
        Assert.Equal(2, result.Jobs[0].Lines);
    }
}
