namespace Drydock.Cli;

/// <summary>The rule pages of docs/rules, compiled into the binary.</summary>
internal static class RuleDocs
{
    private const string Prefix = "Drydock.Docs.Rules.";

    public static string? Page(string ruleId)
    {
        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream(Prefix + ruleId.ToUpperInvariant() + ".md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IEnumerable<string> RuleIds() =>
        typeof(RuleDocs).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".md", StringComparison.Ordinal))
            .Select(name => name[Prefix.Length..^3]);
}
