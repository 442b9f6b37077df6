using Drydock.Docker.Model;

namespace Drydock.Docker.Parsing;

/// <summary>
/// Marks, after parsing, what only a walk in execution order can tell: which commands run only on some
/// architectures, and which pipelines run after <c>set -o pipefail</c>.
/// </summary>
internal sealed class ShellAnnotator
{
    /// <summary>Variables whose value is the target or build architecture (Docker's automatic platform ARGs).</summary>
    public static readonly IReadOnlySet<string> ArchitectureVariables = new HashSet<string>(StringComparer.Ordinal)
    {
        "TARGETARCH", "TARGETPLATFORM", "TARGETVARIANT", "BUILDARCH", "BUILDPLATFORM", "BUILDVARIANT",
    };

    private readonly HashSet<string> architectureVariables = new(ArchitectureVariables, StringComparer.Ordinal);
    private bool pipefail;

    public static void Annotate(ShellScript script) => new ShellAnnotator().Walk(script, guarded: false, depth: 0);

    private void Walk(ShellScript script, bool guarded, int depth)
    {
        if (depth > ShellParser.MaxDepth * 2)
        {
            return;
        }

        foreach (var andOr in script.Items)
        {
            bool guardedHere = guarded;
            foreach (var pipeline in andOr.Pipelines)
            {
                pipeline.PipefailSet = pipefail;
                foreach (var command in pipeline.Commands)
                {
                    WalkCommand(command, guardedHere, depth);
                }

                if (andOr.Pipelines.Count > 1 && MentionsArchitecture(pipeline))
                {
                    guardedHere = true;
                }
            }
        }
    }

    private void WalkCommand(ShellCommand command, bool guarded, int depth)
    {
        switch (command)
        {
            case SimpleCommand simple:
                simple.IsArchitectureGuarded = guarded;
                foreach (var assignment in simple.Assignments)
                {
                    if (MentionsArchitecture(assignment.Value))
                    {
                        architectureVariables.Add(assignment.Name);
                    }
                }

                if (simple.Name == "export" || simple.Name == "readonly" || simple.Name == "local")
                {
                    foreach (var word in simple.Arguments)
                    {
                        int equals = word.Value.IndexOf('=');
                        if (equals > 0 && MentionsArchitecture(word))
                        {
                            architectureVariables.Add(word.Value[..equals]);
                        }
                    }
                }

                if (simple.Name == "set" && SetsPipefail(simple))
                {
                    pipefail = true;
                }

                foreach (var word in simple.Words)
                {
                    foreach (var substitution in word.Substitutions)
                    {
                        Walk(substitution, guarded, depth + 1);
                    }
                }

                break;
            case ShellIf conditional:
                bool branchGuarded = guarded;
                foreach (var clause in conditional.Clauses)
                {
                    if (clause.Condition is not null)
                    {
                        Walk(clause.Condition, branchGuarded, depth + 1);
                        branchGuarded |= MentionsArchitecture(clause.Condition);
                    }

                    Walk(clause.Body, branchGuarded, depth + 1);
                }

                break;
            case ShellCase choice:
                bool armsGuarded = guarded || MentionsArchitecture(choice.Subject);
                foreach (var arm in choice.Arms)
                {
                    Walk(arm.Body, armsGuarded, depth + 1);
                }

                break;
            default:
                foreach (var child in ShellWalker.ChildScripts(command))
                {
                    Walk(child, guarded, depth + 1);
                }

                break;
        }
    }

    private static bool SetsPipefail(SimpleCommand command)
    {
        var arguments = command.Arguments;
        for (int index = 0; index < arguments.Count - 1; index++)
        {
            string value = arguments[index].Value;
            if (value.Length > 1 && value[0] == '-' && value[^1] == 'o' && value.AsSpan(1).IndexOfAnyExcept("abefhkmnoptuvxBCEHPT") < 0
                && arguments[index + 1].Value == "pipefail")
            {
                return true;
            }
        }

        return false;
    }

    private bool MentionsArchitecture(ShellPipeline pipeline) =>
        pipeline.Commands.Any(command => command switch
        {
            SimpleCommand simple => simple.Words.Any(MentionsArchitecture) || IsArchitectureProbe(simple),
            _ => ShellWalker.ChildScripts(command).Any(MentionsArchitecture),
        });

    private bool MentionsArchitecture(ShellScript script) =>
        script.Items.SelectMany(item => item.Pipelines).Any(MentionsArchitecture);

    private bool MentionsArchitecture(ShellWord word) =>
        word.Variables.Any(architectureVariables.Contains)
        || word.Substitutions.Any(substitution => substitution.AllCommands().Any(command => IsArchitectureProbe(command) || command.Words.Any(MentionsArchitecture)));

    /// <summary><c>dpkg --print-architecture</c>, <c>uname -m</c>, <c>arch</c>, <c>apk --print-arch</c>, <c>dpkg-architecture</c>.</summary>
    public static bool IsArchitectureProbe(SimpleCommand command)
    {
        var line = command.Effective;
        return line.Program switch
        {
            "dpkg" => line.HasOption(null, "--print-architecture"),
            "uname" => line.HasOption('m', "--machine") || line.HasOption('p', "--processor"),
            "arch" or "dpkg-architecture" => true,
            "apk" => line.HasOption(null, "--print-arch"),
            "rpm" => line.Arguments.Any(word => word.Value.Contains("%{_arch}", StringComparison.Ordinal) || word.Value.Contains("%{ARCH}", StringComparison.Ordinal)),
            _ => false,
        };
    }
}
