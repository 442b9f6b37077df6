namespace Drydock.Findings;

/// <summary>
/// Replace <see cref="Length"/> characters at <see cref="Start"/> (offsets into the file's decoded text,
/// see <see cref="Text.SourceText"/>) with <see cref="NewText"/>. An insertion has Length 0.
/// </summary>
public sealed record TextEdit(string Path, int Start, int Length, string NewText)
{
    public int End => Start + Length;

    public bool Overlaps(TextEdit other) =>
        string.Equals(Path, other.Path, StringComparison.Ordinal)
        && Start < other.End && other.Start < End;
}

/// <summary>
/// A machine-applicable repair. Safe fixes keep behaviour (a flag, a keyring form of the same key);
/// unsafe ones change it (a new USER) and only run when the user asks for them.
/// </summary>
public sealed record Fix(string Title, bool IsSafe, IReadOnlyList<TextEdit> Edits);
