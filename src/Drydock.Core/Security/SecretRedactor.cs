using System.Reflection;
using System.Text.RegularExpressions;
using Drydock.Knowledge;

namespace Drydock.Security;

/// <summary>
/// Replaces secrets with <c>[REDACTED:kind]</c>. Every report writer passes every string through this,
/// so a token quoted as evidence from a log or a Dockerfile never reaches a terminal, a SARIF upload or an issue.
/// </summary>
public static class SecretRedactor
{
    private static readonly Lazy<IReadOnlyList<(string Id, Regex Pattern)>> Patterns = new(LoadPatterns);

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        foreach (var (id, pattern) in Patterns.Value)
        {
            text = pattern.Replace(text, match =>
            {
                var secret = match.Groups["secret"];
                if (!secret.Success)
                {
                    return $"[REDACTED:{id}]";
                }

                return string.Concat(match.Value.AsSpan(0, secret.Index - match.Index), $"[REDACTED:{id}]", match.Value.AsSpan(secret.Index - match.Index + secret.Length));
            });
        }

        return text;
    }

    public static bool ContainsSecret(string text) => Patterns.Value.Any(entry => entry.Pattern.IsMatch(text));

    private static IReadOnlyList<(string, Regex)> LoadPatterns()
    {
        using var document = KnowledgeFile.Open(typeof(SecretRedactor).Assembly, "secret-patterns.json");
        var list = new List<(string, Regex)>();
        foreach (var entry in document.RootElement.GetProperty("patterns").EnumerateArray())
        {
            string id = KnowledgeFile.RequiredString(entry, "id", "secret-patterns.json");
            string regex = KnowledgeFile.RequiredString(entry, "regex", $"secret-patterns.json {id}");
            list.Add((id, new Regex(regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))));
        }

        return list;
    }

    internal static Assembly DataAssembly => typeof(SecretRedactor).Assembly;
}
