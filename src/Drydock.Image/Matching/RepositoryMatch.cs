using Drydock.Analysis;
using Drydock.Compose.Model;
using Drydock.Docker.Model;
using Drydock.Findings;
using Drydock.Image.Model;

namespace Drydock.Image.Matching;

/// <summary>What <c>--repo DIR [--dockerfile PATH] [--target STAGE]</c> asks: compare the image with that repository.</summary>
public sealed record RepositoryOptions(string Directory)
{
    /// <summary>The Dockerfile that builds the image, relative to the repository (or absolute inside it); null to find it.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>The stage that ships (<c>docker build --target</c>); null for the compose service's target or the final stage.</summary>
    public string? Target { get; init; }
}

/// <summary>A platform the repository asks for (compose <c>platform:</c>, FROM <c>--platform</c>) and where it says so.</summary>
public sealed record RequestedPlatform(ImagePlatform Platform, string Text, string Origin, SourceLocation Location)
{
    /// <summary>The repository file and line that asks, for inline pragmas.</summary>
    public (string Path, int Line) Source { get; init; }
}

/// <summary>
/// The Dockerfile, stage and compose services an image was matched to, and what the repository says the image
/// should hold. Everything the repository rules (IM045-IM049) compare is derived here once, together with what
/// could not be compared and why, so a quiet report is never mistaken for a clean one.
/// </summary>
public sealed class RepositoryMatch
{
    public required RepositoryOptions Options { get; init; }

    /// <summary>The repository as read (null when the folder does not exist); its inline pragmas apply to findings at its lines.</summary>
    public Project? Project { get; set; }

    /// <summary>The image names that were looked for in compose files (normalised, registry/repository).</summary>
    public IReadOnlyList<string> ImageNames { get; init; } = [];

    /// <summary>Why nothing at all is compared (the folder does not exist, the image names another repository); null otherwise.</summary>
    public string? Refusal { get; set; }

    public DockerfileDocument? Dockerfile { get; set; }

    /// <summary>The stage the image is compared with; null when no Dockerfile could be chosen without guessing.</summary>
    public Stage? Stage { get; set; }

    /// <summary>How the Dockerfile was chosen ("compose service 'api' has image: ghcr.io/acme/api") or why none was.</summary>
    public string How { get; set; } = "";

    /// <summary>The Dockerfiles and stages that were considered, for messages ("Dockerfile (final stage)").</summary>
    public List<string> Candidates { get; } = [];

    /// <summary>Compose services whose image (or default image name) is this image, with the stack folder.</summary>
    public List<(ComposeStack Stack, ComposeService Service)> Services { get; } = [];

    /// <summary>The image's labels that were used (org.opencontainers.image.*), as "key=value".</summary>
    public List<string> LabelEvidence { get; } = [];

    /// <summary>Facts that do not stop the comparison but explain it (the image was built from another revision).</summary>
    public List<string> Remarks { get; } = [];

    public List<string> Compared { get; } = [];

    public List<string> NotCompared { get; } = [];

    public string? ExpectedUser { get; set; }

    public HealthcheckInstruction? ExpectedHealthcheck { get; set; }

    /// <summary>The ENTRYPOINT the config must hold; null when the Dockerfile leaves it to the base image.</summary>
    public IReadOnlyList<string>? ExpectedEntrypoint { get; set; }

    /// <summary>The CMD the config must hold; null when the Dockerfile leaves it to the base image.</summary>
    public IReadOnlyList<string>? ExpectedCmd { get; set; }

    /// <summary>The instruction an ENTRYPOINT/CMD finding points at: the ENTRYPOINT when set, else the CMD.</summary>
    public CommandInstruction? CommandInstruction { get; set; }

    public List<RequestedPlatform> RequestedPlatforms { get; } = [];

    /// <summary>The platforms the image has: its index's (attestations left out), else its config's.</summary>
    public List<ImagePlatform> ImagePlatforms { get; } = [];

    public bool HasStage => Refusal is null && Stage is not null;

    /// <summary>A repository path as the user sees it: prefixed with the --repo folder unless that is the current one.</summary>
    public string DisplayPath(string projectPath)
    {
        string directory = Options.Directory.Replace('\\', '/').TrimEnd('/');
        return directory is "" or "." || Path.GetFullPath(Options.Directory) == Path.GetFullPath(".")
            ? projectPath
            : directory + "/" + projectPath;
    }

    /// <summary>Where an instruction of the matched Dockerfile is, for a finding.</summary>
    public SourceLocation LocationOf(Instruction instruction)
    {
        var source = instruction.Document.Source;
        var (line, column) = source.Position(instruction.Span.Start);
        var (endLine, endColumn) = source.Position(instruction.Span.End);
        return new SourceLocation(DisplayPath(source.Path), line, column, endLine, endColumn);
    }

    /// <summary>True when a <c># drydock ignore=</c> pragma of the repository file silences <paramref name="rule"/> at that line.</summary>
    public bool IsSuppressed(RuleDescriptor rule, string projectPath, int line) =>
        Project?.SuppressionsFor(projectPath).IsSuppressed(rule.Id, rule.Name, line) == true;

    public bool IsSuppressed(RuleDescriptor rule, Instruction instruction) => IsSuppressed(rule, instruction.Document.Path, instruction.Line);

    /// <summary>The source lines of an instruction, for evidence.</summary>
    public static string LinesOf(Instruction instruction) =>
        instruction.Document.Source.Lines(instruction.Line, Math.Min(instruction.EndLine, instruction.Line + 9));

    public string DescribeStage() => Stage is null ? "" : $"{DisplayPath(Stage.Document.Path)} stage {Stage.DisplayName} (line {Stage.From.Line})";
}
