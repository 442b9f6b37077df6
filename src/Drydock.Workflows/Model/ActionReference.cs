namespace Drydock.Workflows.Model;

public enum ActionKind
{
    /// <summary><c>owner/repo[/path]@ref</c>.</summary>
    Repository,

    /// <summary><c>docker://image</c>.</summary>
    Docker,

    /// <summary><c>./path</c> in the same repository.</summary>
    Local,

    /// <summary>A value the runner would reject (no '@', empty parts).</summary>
    Malformed,
}

/// <summary>A parsed <c>uses:</c> value.</summary>
public sealed record ActionReference(PositionedString Source, ActionKind Kind, string Owner, string Repo, string Path, string Ref)
{
    /// <summary><c>owner/repo</c> or <c>owner/repo/path</c>, lower-case, without the ref.</summary>
    public string Slug => (Path.Length > 0 ? $"{Owner}/{Repo}/{Path}" : $"{Owner}/{Repo}").ToLowerInvariant();

    /// <summary>The major version a ref like <c>v3</c>, <c>v3.1.0</c> or <c>3</c> names, else null (branches, SHAs).</summary>
    public int? Major
    {
        get
        {
            string text = Ref.StartsWith('v') || Ref.StartsWith('V') ? Ref[1..] : Ref;
            int dot = text.IndexOf('.');
            string head = dot < 0 ? text : text[..dot];
            return head.Length is > 0 and < 6 && head.All(char.IsAsciiDigit) ? int.Parse(head, System.Globalization.CultureInfo.InvariantCulture) : null;
        }
    }

    public bool IsPinnedToSha => Ref.Length == 40 && Ref.All(char.IsAsciiHexDigit);

    /// <summary>The span of the ref inside the <c>uses:</c> value, for a fix that changes the version.</summary>
    public TextSpan RefSpan(WorkflowFile file)
    {
        int at = Source.Value.LastIndexOf('@');
        return at < 0 ? Source.Span : file.Locate(Source, at + 1, Ref.Length);
    }

    public static ActionReference Parse(PositionedString source)
    {
        string value = source.Value.Trim();
        if (value.StartsWith("docker://", StringComparison.Ordinal))
        {
            return new ActionReference(source, ActionKind.Docker, "", "", value["docker://".Length..], "");
        }

        if (value.StartsWith("./", StringComparison.Ordinal) || value == ".")
        {
            return new ActionReference(source, ActionKind.Local, "", "", ImageBuild.Normalize(value), "");
        }

        int at = value.LastIndexOf('@');
        string target = at < 0 ? value : value[..at];
        string reference = at < 0 ? "" : value[(at + 1)..];
        var parts = target.Split('/');
        if (at < 0 || reference.Length == 0 || parts.Length < 2 || parts.Any(part => part.Length == 0))
        {
            return new ActionReference(source, ActionKind.Malformed, parts.ElementAtOrDefault(0) ?? "", parts.ElementAtOrDefault(1) ?? "", "", reference);
        }

        return new ActionReference(source, ActionKind.Repository, parts[0], parts[1], string.Join('/', parts.Skip(2)), reference);
    }
}
