using System.Text;
using Drydock.Text;

namespace Drydock.Core.Tests;

public class SourceTextTests
{
    [Fact]
    public void Lines_are_counted_at_newline_only_so_a_lone_carriage_return_stays_in_its_line()
    {
        var text = new SourceText("log", "a\rb\nc\r\nd");
        Assert.Equal(3, text.LineCount);
        Assert.Equal("a\rb", text.Line(1));
        Assert.Equal("c", text.Line(2));
        Assert.Equal("d", text.Line(3));
    }

    [Fact]
    public void A_trailing_newline_does_not_add_an_empty_line()
    {
        Assert.Equal(2, new SourceText("f", "a\nb\n").LineCount);
        Assert.Equal(1, new SourceText("f", "").LineCount);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(2, 1, 3)]
    [InlineData(4, 2, 1)]
    [InlineData(9, 3, 2)]
    public void Position_and_offset_agree(int offset, int line, int column)
    {
        var text = new SourceText("f", "abc\ndef\nghi");
        Assert.Equal((line, column), text.Position(offset));
        Assert.Equal(offset, text.Offset(line, column));
    }

    [Fact]
    public void Crlf_files_are_recognised_and_lines_lose_their_carriage_return()
    {
        var text = new SourceText("f", "FROM a\r\nRUN b\r\n");
        Assert.True(text.UsesCrLf);
        Assert.Equal("\r\n", text.NewLine);
        Assert.Equal("RUN b", text.Line(2));
    }

    [Fact]
    public void Encode_restores_the_byte_order_mark()
    {
        byte[] bytes = SourceText.Encode("x", withBom: true);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'x' }, bytes);
    }
}

public class SourceReaderTests
{
    [Fact]
    public void Nul_bytes_make_the_file_binary_with_the_position_of_the_first()
    {
        Assert.False(SourceReader.TryDecode("FROM a\nRUN \0x"u8, "Dockerfile", out _, out var problem));
        Assert.NotNull(problem);
        Assert.Contains("binary", problem!.Message, StringComparison.Ordinal);
        Assert.Equal((2, 5), (problem.Line, problem.Column));
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_the_bad_byte()
    {
        byte[] bytes = [.. "FROM a\nRUN "u8, 0xC3, 0x28, .. "\n"u8];
        Assert.False(SourceReader.TryDecode(bytes, "Dockerfile", out _, out var problem));
        Assert.Contains("invalid UTF-8", problem!.Message, StringComparison.Ordinal);
        Assert.Equal(2, problem.Line);
        Assert.Equal(5, problem.Column);
    }

    [Fact]
    public void A_bom_is_stripped_and_remembered()
    {
        Assert.True(SourceReader.TryDecode([0xEF, 0xBB, 0xBF, .. "FROM a"u8], "Dockerfile", out var text, out _));
        Assert.True(text!.HasBom);
        Assert.Equal("FROM a", text.Text);
    }

    [Fact]
    public void Files_over_the_limit_are_refused_without_being_read()
    {
        using var tree = new Testing.TempTree();
        tree.WriteBytes("big", new byte[4096]);
        Assert.False(SourceReader.TryRead(tree.Path("big"), "big", out _, out var problem, maxBytes: 1024));
        Assert.Contains("limit", problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_files_are_text()
    {
        Assert.True(SourceReader.TryDecode(ReadOnlySpan<byte>.Empty, "Dockerfile", out var text, out _));
        Assert.Equal("", text!.Text);
        Assert.Equal(Encoding.UTF8.GetBytes(""), SourceText.Encode(text.Text, false));
    }
}
