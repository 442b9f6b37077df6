using System.Collections.Concurrent;
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
    // Reports pass the same strings again and again (every finding of a rule carries the rule's why and fix
    // advice; repeated files give repeated messages and evidence), and each pass runs every pattern over the
    // text. The result depends on the text alone, so it is remembered, within bounds: short texts only, and
    // no more than MaxRemembered of them (a long log excerpt is redacted each time, as before).
    private const int MaxRememberedLength = 8 * 1024;
    private const int MaxRemembered = 65_536;
    private static readonly ConcurrentDictionary<string, string> Remembered = new(StringComparer.Ordinal);
    private static readonly Lazy<IReadOnlyList<(string Id, Regex Pattern)>> Patterns = new(LoadPatterns);
    private static int rememberedCount;

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        if (text.Length > MaxRememberedLength)
        {
            return RedactNow(text);
        }

        if (Remembered.TryGetValue(text, out string? known))
        {
            return known;
        }

        string redacted = RedactNow(text);
        if (Volatile.Read(ref rememberedCount) < MaxRemembered && Remembered.TryAdd(text, redacted))
        {
            Interlocked.Increment(ref rememberedCount);
        }

        return redacted;
    }

    private static string RedactNow(string text)
    {
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
