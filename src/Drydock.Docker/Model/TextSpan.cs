namespace Drydock.Docker.Model;

/// <summary>
/// A half-open range [<see cref="Start"/>, <see cref="End"/>) of character offsets into a Dockerfile's decoded
/// text (<see cref="Drydock.Text.SourceText.Text"/>, BOM excluded). Every node of the model carries one.
/// </summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public static TextSpan Empty(int at) => new(at, at);

    public TextSpan Union(TextSpan other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    public override string ToString() => $"[{Start}..{End})";
}
