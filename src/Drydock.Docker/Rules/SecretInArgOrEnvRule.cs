using Drydock.Docker.Model;
using Drydock.Findings;
using Drydock.Knowledge;

namespace Drydock.Docker.Rules;

/// <summary>DF022: an ARG or ENV whose name says it holds a secret (a literal value is worse).</summary>
public sealed class SecretInArgOrEnvRule : DockerfileRule
{
    private static readonly Lazy<(HashSet<string> Words, List<(string, string)> Pairs, HashSet<string> Not)> Names = new(Load);

    public static readonly RuleDescriptor Descriptor = new(
        "DF022",
        "secret-in-arg-env",
        Severity.Warning,
        "A secret is passed through ARG or ENV.",
        "ENV values are stored in the image config, and ARG values used by RUN are recorded in the image history: anyone who can pull the image can read them ('docker history', 'docker inspect'). A literal default is also committed to git.",
        "Mount the secret for the one RUN that needs it: RUN --mount=type=secret,id=token,env=TOKEN ..., built with --secret id=token,env=TOKEN; give the running container its secrets at run time.")
    {
        Equivalents = ["buildkit SecretsUsedInArgOrEnv"],
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitArg(DockerfileContext context, ArgInstruction arg)
    {
        foreach (var declaration in arg.Declarations.Where(declaration => IsSecretName(declaration.Name)))
        {
            Report(context, "ARG", declaration.Name, declaration.NameSpan, declaration.DefaultValue);
        }
    }

    public override void VisitEnv(DockerfileContext context, EnvInstruction env)
    {
        foreach (var variable in env.Variables.Where(variable => IsSecretName(variable.Key)))
        {
            // ENV TOKEN=$TOKEN copies a build arg into the image config: still a leak, reported at the name.
            Report(context, "ENV", variable.Key, variable.KeySpan, variable.Value);
        }
    }

    private static void Report(DockerfileContext context, string keyword, string name, TextSpan span, DockerWord? value)
    {
        bool literal = value is { HasVariables: false, Value.Length: > 0 };
        string where = keyword == "ENV" ? "stored in the image config" : "recorded in the image history by every RUN that uses it";
        string message = literal
            ? $"{keyword} {name} has a literal value committed in the Dockerfile and {where}; remove the value and pass the secret with RUN --mount=type=secret"
            : $"{keyword} {name} passes a secret that ends up {where}; use RUN --mount=type=secret,id={name.ToLowerInvariant()} instead";
        string line = context.Document.Source.Line(context.Document.Source.Position(span.Start).Line);
        string evidence = literal ? line.Replace(value!.Raw, "****", StringComparison.Ordinal) : line;
        context.Sink.Report(Descriptor, context.Document.Source, span.Start, span.End, message, evidence: evidence);
    }

    public static bool IsSecretName(string name)
    {
        var (words, pairs, not) = Names.Value;
        var parts = name.ToLowerInvariant().Split(['_', '-', '.'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Any(not.Contains))
        {
            return false;
        }

        return parts.Any(words.Contains) || pairs.Any(pair => Adjacent(parts, pair.Item1, pair.Item2));
    }

    private static bool Adjacent(string[] parts, string first, string second)
    {
        for (int index = 0; index + 1 < parts.Length; index++)
        {
            if (parts[index] == first && parts[index + 1] == second)
            {
                return true;
            }
        }

        return false;
    }

    private static (HashSet<string>, List<(string, string)>, HashSet<string>) Load()
    {
        using var document = KnowledgeFile.Open(typeof(SecretInArgOrEnvRule).Assembly, "secret-names.json");
        var root = document.RootElement;
        var pairs = root.GetProperty("pairs").EnumerateArray()
            .Select(pair => (pair[0].GetString() ?? "", pair[1].GetString() ?? "")).ToList();
        return (new HashSet<string>(KnowledgeFile.StringArray(root, "words"), StringComparer.Ordinal), pairs,
            new HashSet<string>(KnowledgeFile.StringArray(root, "notSecret"), StringComparer.Ordinal));
    }
}
