namespace Drydock.Findings;

/// <summary>
/// Where a finding points. Lines and columns are 1-based; columns count UTF-16 code units
/// (SARIF's default column kind). Lines are counted at '\n' only, as editors and grep -n do.
/// A location with line 0 names a whole file (or an image path, or a log) with no position.
/// </summary>
public sealed record SourceLocation(string Path, int Line = 0, int Column = 0, int EndLine = 0, int EndColumn = 0)
{
    public static SourceLocation WholeFile(string path) => new(path);

    public bool HasPosition => Line > 0;

    public override string ToString() => HasPosition ? $"{Path}:{Line}:{Column}" : Path;
}

/// <summary>A second place that explains a finding (the Dockerfile stage a compose service builds, say).</summary>
public sealed record RelatedLocation(SourceLocation Location, string Message);
