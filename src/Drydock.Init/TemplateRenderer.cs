using System.Text;

namespace Drydock.Init;

/// <summary>
/// The smallest template language that the init templates need: <c>@@name@@</c> placeholders, and lines
/// <c>@@if flag@@</c> / <c>@@unless flag@@</c> ... <c>@@endif@@</c> / <c>@@endunless@@</c> that keep or drop
/// the lines between them (nestable). '@@' was chosen because the templates are full of '${{ }}' and '{{ }}'.
/// </summary>
public static class TemplateRenderer
{
    public static string Load(string name)
    {
        using var stream = typeof(TemplateRenderer).Assembly.GetManifestResourceStream("Drydock.Init.Templates." + name)
            ?? throw new InvalidOperationException($"init template {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static string Render(string template, IReadOnlyDictionary<string, string> values, IReadOnlySet<string> flags)
    {
        var output = new StringBuilder();
        var keep = new Stack<bool>();
        foreach (string line in template.Split('\n'))
        {
            string trimmed = line.Trim();
            if (trimmed.StartsWith("@@if ", StringComparison.Ordinal) || trimmed.StartsWith("@@unless ", StringComparison.Ordinal))
            {
                bool negate = trimmed.StartsWith("@@unless ", StringComparison.Ordinal);
                string flag = trimmed[(negate ? 9 : 5)..^2].Trim();
                keep.Push(flags.Contains(flag) != negate);
                continue;
            }

            if (trimmed is "@@endif@@" or "@@endunless@@")
            {
                if (keep.Count == 0)
                {
                    throw new FormatException($"'{trimmed}' without an opening @@if@@");
                }

                keep.Pop();
                continue;
            }

            if (keep.Any(condition => !condition))
            {
                continue;
            }

            output.Append(Substitute(line, values)).Append('\n');
        }

        if (keep.Count > 0)
        {
            throw new FormatException("an @@if@@ is never closed");
        }

        string text = output.ToString();
        return text.EndsWith("\n\n", StringComparison.Ordinal) ? text.TrimEnd('\n') + "\n" : text;
    }

    private static string Substitute(string line, IReadOnlyDictionary<string, string> values)
    {
        int start;
        while ((start = line.IndexOf("@@", StringComparison.Ordinal)) >= 0)
        {
            int end = line.IndexOf("@@", start + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            string name = line[(start + 2)..end];
            if (!values.TryGetValue(name, out string? value))
            {
                throw new KeyNotFoundException($"init template placeholder '@@{name}@@' has no value");
            }

            line = string.Concat(line.AsSpan(0, start), value, line.AsSpan(end + 2));
        }

        return line;
    }
}
