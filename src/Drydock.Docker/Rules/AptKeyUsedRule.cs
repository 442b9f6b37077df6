using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF040: apt-key, removed from Debian 13 and deprecated before that.</summary>
public sealed class AptKeyUsedRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF040",
        "apt-key-used",
        Severity.Error,
        "A RUN adds a repository key with apt-key, which current Debian and Ubuntu no longer ship.",
        "apt-key was removed in Debian 13 (trixie), the base of current python:*-slim and debian images: the step fails with 'apt-key: not found'. Where it still exists, the key is trusted for every repository.",
        "Save the key under /etc/apt/keyrings (curl -fsSL URL -o /etc/apt/keyrings/vendor.asc, or gpg --dearmor for binary output) and name it in the source line: deb [signed-by=/etc/apt/keyrings/vendor.asc] URL suite main.")
    {
        Fixable = true,
    };

    private const string KeyringDirectory = "/etc/apt/keyrings";

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitRun(DockerfileContext context, RunInstruction run)
    {
        var aptKeys = run.Commands.Where(command => command.Effective.Program == "apt-key").ToList();
        foreach (var command in aptKeys)
        {
            var line = command.Effective;
            string action = line.Subcommand?.Value ?? "";
            var fix = aptKeys.Count == 1 ? TryFix(context, run, command) : null;
            context.Report(Descriptor, new TextSpan(line.ProgramWord!.Span.Start, command.Span.End),
                $"'apt-key {action}' fails on Debian 13 and later ('apt-key: not found'): store the key in {KeyringDirectory} and reference it with signed-by= in the source line",
                fix);
        }
    }

    /// <summary>
    /// The common shape: <c>curl|wget URL | apt-key add -</c> at the start of the RUN or after <c>&amp;&amp;</c>, and one
    /// <c>echo "deb ..." &gt; /etc/apt/sources.list.d/NAME.list</c> in the same RUN.
    /// </summary>
    private static Fix? TryFix(DockerfileContext context, RunInstruction run, SimpleCommand aptKey)
    {
        var line = aptKey.Effective;
        var arguments = line.Arguments;
        if (arguments.Count != 2 || arguments[0].Value != "add" || arguments[1].Value != "-" || aptKey.Redirects.Count > 0)
        {
            return null;
        }

        var pipeline = aptKey.Pipeline;
        if (pipeline is null || pipeline.Commands.Count != 2 || !ReferenceEquals(pipeline.Commands[1], aptKey)
            || pipeline.Commands[0] is not SimpleCommand { Effective.Program: "curl" or "wget" } download
            || !StartsAndList(run, pipeline))
        {
            return null;
        }

        var source = FindSourceLine(run);
        if (source is null)
        {
            return null;
        }

        var (debWord, listName) = source.Value;
        string text = context.Document.Source.Text;
        if (text[debWord.Span.Start..debWord.Span.End] != debWord.Raw || debWord.Raw.Contains("signed-by", StringComparison.Ordinal))
        {
            return null;
        }

        string url = download.Effective.Arguments.Select(word => word.Literal ?? "").FirstOrDefault(value => value.Contains("://", StringComparison.Ordinal)) ?? "";
        string keyring = $"{KeyringDirectory}/{listName}{(url.EndsWith(".gpg", StringComparison.OrdinalIgnoreCase) ? ".gpg" : ".asc")}";
        int deb = debWord.Raw.IndexOf("deb ", StringComparison.Ordinal);
        if (deb < 0)
        {
            return null;
        }

        int afterDeb = debWord.Span.Start + deb + 4;
        int bracketClose = text.IndexOf(']', afterDeb);
        bool hasOptions = text[afterDeb] == '[' && bracketClose > afterDeb && bracketClose < debWord.Span.End;
        var edits = new List<TextEdit>
        {
            new(context.Document.Path, pipeline.Span.Start, 0, $"install -d -m 0755 {KeyringDirectory} && "),
            new(context.Document.Path, line.ProgramWord!.Span.Start, aptKey.Span.End - line.ProgramWord.Span.Start, $"tee {keyring} > /dev/null"),
            hasOptions
                ? new(context.Document.Path, bracketClose, 0, $" signed-by={keyring}")
                : new(context.Document.Path, afterDeb, 0, $"[signed-by={keyring}] "),
        };
        return new Fix($"store the key in {keyring} and add signed-by= to the source line", true, [.. edits.OrderBy(edit => edit.Start)]);
    }

    private static bool StartsAndList(RunInstruction run, ShellPipeline pipeline)
    {
        foreach (var script in run.Scripts)
        {
            foreach (var andOr in script.Items)
            {
                int index = andOr.Pipelines.ToList().IndexOf(pipeline);
                if (index == 0 || (index > 0 && andOr.Operators[index - 1] == "&&"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The single "deb ..." word written to /etc/apt/sources.list.d/NAME.list in the RUN, and NAME.</summary>
    private static (ShellWord Word, string ListName)? FindSourceLine(RunInstruction run)
    {
        var found = new List<(ShellWord, string)>();
        foreach (var command in run.Commands)
        {
            if (command.Effective.Program is not ("echo" or "printf"))
            {
                continue;
            }

            var debWord = command.Effective.Arguments.FirstOrDefault(word => word.Literal?.StartsWith("deb ", StringComparison.Ordinal) == true && word.IsQuoted);
            string? target = command.Redirects.FirstOrDefault(redirect => redirect.Operator is ">" or ">>")?.Target?.Literal
                ?? (command.Pipeline is { Commands.Count: 2 } pipe && pipe.Commands[1] is SimpleCommand { Effective.Program: "tee" } tee
                    ? tee.Effective.Arguments.LastOrDefault(word => !word.IsFlag)?.Literal
                    : null);
            if (debWord is not null && target is not null && target.StartsWith("/etc/apt/sources.list.d/", StringComparison.Ordinal) && target.EndsWith(".list", StringComparison.Ordinal))
            {
                string name = target["/etc/apt/sources.list.d/".Length..^".list".Length];
                if (name.Length > 0 && !name.Contains('/'))
                {
                    found.Add((debWord, name));
                }
            }
        }

        return found.Count == 1 ? found[0] : null;
    }
}
