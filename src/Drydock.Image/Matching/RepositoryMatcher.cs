using Drydock.Analysis;
using Drydock.Compose.Model;
using Drydock.Configuration;
using Drydock.Docker.Model;
using Drydock.Image.Model;

namespace Drydock.Image.Matching;

/// <summary>
/// Finds the Dockerfile and stage that claim to build an image: <c>--dockerfile</c>, else the compose services whose
/// <c>image:</c> (or default <c>&lt;project&gt;-&lt;service&gt;</c> name) is the image, narrowed by the image's
/// org.opencontainers.image.title label, else the repository's only Dockerfile. When several remain it chooses none
/// and says which were considered: a guessed Dockerfile would report differences that are not there.
/// </summary>
public static class RepositoryMatcher
{
    public const string SourceLabel = "org.opencontainers.image.source";
    public const string RevisionLabel = "org.opencontainers.image.revision";
    public const string TitleLabel = "org.opencontainers.image.title";

    private sealed record Choice(string Path, string? Target, string? ServiceName, string Reason);

    public static RepositoryMatch Match(RepositoryOptions options, ImageInspection image, IReadOnlyList<string> imageNames)
    {
        var match = new RepositoryMatch
        {
            Options = options,
            ImageNames = [.. imageNames.Select(NameKey).OfType<string>().Distinct(StringComparer.Ordinal)],
        };
        AddImagePlatforms(match, image);
        if (!Directory.Exists(options.Directory))
        {
            match.Refusal = $"--repo {options.Directory}: no such folder";
            return match;
        }

        DrydockConfig config;
        try
        {
            config = ConfigLoader.LoadFromDirectory(options.Directory);
        }
        catch (ConfigException e)
        {
            config = DrydockConfig.Default;
            match.Remarks.Add($"the repository's Drydock configuration was ignored: {e.Message}");
        }

        var project = Project.Open(options.Directory, config);
        match.Project = project;
        var labels = image.Platforms.Select(platform => platform.Config).OfType<ImageConfig>().FirstOrDefault(c => c.Labels.Count > 0)?.Labels
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        if (!CheckProvenance(match, project, labels))
        {
            return match;
        }

        var compose = project.Model(ComposeSet.Build);
        foreach (var stack in compose.Stacks)
        {
            foreach (var service in stack.Services)
            {
                string? name = service.ImageReference ?? (service.Build is not null ? $"{stack.Name.ToLowerInvariant()}-{service.Name}" : null);
                if (name is not null && NameKey(name) is { } key && match.ImageNames.Contains(key, StringComparer.Ordinal))
                {
                    match.Services.Add((stack, service));
                }
            }
        }

        var set = project.Model(DockerfileSet.Build);
        ChooseDockerfile(match, set, labels.GetValueOrDefault(TitleLabel));
        if (match.Stage is not null)
        {
            RepositoryExpectations.Derive(match);
        }
        else
        {
            match.NotCompared.Add("USER, HEALTHCHECK, ENTRYPOINT/CMD: no Dockerfile stage was matched");
        }

        RepositoryExpectations.DerivePlatforms(match);
        if (!image.Platforms.Any(platform => platform.Config is not null))
        {
            // Nothing of the image side is known: say so rather than list comparisons that could not happen.
            foreach (string item in match.Compared.Where(item => item != "platform" || match.ImagePlatforms.Count == 0))
            {
                match.NotCompared.Add($"{item}: the image's config could not be read");
            }

            match.Compared.RemoveAll(item => item != "platform" || match.ImagePlatforms.Count == 0);
        }

        return match;
    }

    /// <summary>"ghcr.io/Acme/api:1.0" → "ghcr.io/acme/api"; "python" → "docker.io/library/python"; null when it cannot be told.</summary>
    public static string? NameKey(string reference)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Contains('$', StringComparison.Ordinal))
        {
            return null;
        }

        var name = ImageName.Parse(reference);
        if (name.Repository.Length == 0)
        {
            return null;
        }

        string repository = name.IsDockerHubLibrary ? "library/" + name.Repository : name.Repository;
        return $"{name.Registry ?? "docker.io"}/{repository}".ToLowerInvariant();
    }

    private static void AddImagePlatforms(RepositoryMatch match, ImageInspection image)
    {
        if (image.Index is { } index)
        {
            match.ImagePlatforms.AddRange(index.Manifests
                .Where(d => !d.Annotations.ContainsKey("vnd.docker.reference.type"))
                .Select(d => d.Platform)
                .OfType<ImagePlatform>()
                .Where(p => p is not { Os: "unknown", Architecture: "unknown" })
                .Distinct());
        }
        else
        {
            match.ImagePlatforms.AddRange(image.Platforms.Select(p => p.Config?.Platform).OfType<ImagePlatform>().Where(p => p.Architecture.Length > 0).Distinct());
        }
    }

    /// <summary>The source and revision labels: another repository stops the comparison (unless --dockerfile insists), another commit is remarked.</summary>
    private static bool CheckProvenance(RepositoryMatch match, Project project, IReadOnlyDictionary<string, string> labels)
    {
        var git = GitMetadata.Read(project.Root);
        if (labels.TryGetValue(SourceLabel, out string? source) && source.Length > 0)
        {
            match.LabelEvidence.Add($"{SourceLabel}={source}");
            string wanted = GitMetadata.NormalizeUrl(source);
            if (git.RemoteUrls.Count > 0 && !git.RemoteUrls.Any(url => GitMetadata.NormalizeUrl(url) == wanted))
            {
                string message = $"the image's {SourceLabel} is {source}, but this repository's remotes are {string.Join(", ", git.RemoteUrls)}";
                if (match.Options.Dockerfile is null)
                {
                    match.Refusal = message + ": it was built from another repository (pass --dockerfile to compare anyway)";
                    return false;
                }

                match.Remarks.Add(message);
            }
        }

        if (labels.TryGetValue(RevisionLabel, out string? revision) && revision.Length > 0)
        {
            match.LabelEvidence.Add($"{RevisionLabel}={revision}");
            string commit = revision.Trim().ToLowerInvariant();
            if (git.Head is { } head && !(head.StartsWith(commit, StringComparison.Ordinal) || commit.StartsWith(head, StringComparison.Ordinal)))
            {
                match.Remarks.Add($"the image was built from revision {Short(commit)}; the repository is at {Short(head)}: differences may be changes made since the build");
            }
        }

        if (labels.TryGetValue(TitleLabel, out string? title) && title.Length > 0)
        {
            match.LabelEvidence.Add($"{TitleLabel}={title}");
        }

        return true;
    }

    private static void ChooseDockerfile(RepositoryMatch match, DockerfileSet set, string? title)
    {
        string directory = match.Options.Directory;
        var choices = new List<Choice>();
        if (match.Options.Dockerfile is { } requested)
        {
            string path = ProjectRelative(directory, requested);
            var builders = match.Services.Where(s => s.Service.Build?.DockerfilePath == path).Select(s => s.Service.Build!.Target?.Value).Distinct().ToList();
            choices.Add(new Choice(path, builders.Count == 1 ? builders[0] : null, null, $"--dockerfile {requested}"));
        }
        else
        {
            foreach (var (stack, service) in match.Services)
            {
                if (service.Build is null)
                {
                    continue;
                }

                string file = service.Layers[0].File.Path;
                if (service.Build.DockerfilePath is not { } path)
                {
                    match.NotCompared.Add($"compose service '{service.Name}' ({match.DisplayPath(file)}) builds from {(service.Build.IsRemoteContext ? "a remote context" : "an inline or out-of-repository Dockerfile")}, which cannot be read");
                    continue;
                }

                string how = service.ImageReference is { } named
                    ? $"compose service '{service.Name}' ({match.DisplayPath(file)}) builds it as image: {named}"
                    : $"compose service '{service.Name}' ({match.DisplayPath(file)}) builds it under compose's default name {stack.Name.ToLowerInvariant()}-{service.Name}";
                choices.Add(new Choice(path, service.Build.Target?.Value is { Length: > 0 } target ? target : null, service.Name, how));
            }

            choices = [.. choices.DistinctBy(choice => (choice.Path, choice.Target))];
            if (choices.Count == 0)
            {
                var paths = set.Documents.Select(document => document.Path).Concat(set.Unreadable.Select(unreadable => unreadable.Path)).Order(StringComparer.Ordinal).ToList();
                string reason = paths.Count == 1 ? $"it is the only Dockerfile in {directory}" : $"it is one of {paths.Count} Dockerfiles in {directory}";
                choices.AddRange(paths.Select(path => new Choice(path, null, null, reason)));
            }

            if (choices.Count > 1 && title is not null)
            {
                var titled = choices.Select(choice => ByTitle(choice, set, title)).OfType<Choice>().ToList();
                if (titled.Count == 1)
                {
                    match.Candidates.AddRange(choices.Select(c => Describe(match, c)));
                    choices = titled;
                }
            }
        }

        if (match.Candidates.Count == 0)
        {
            match.Candidates.AddRange(choices.Select(c => Describe(match, c)));
        }

        if (choices.Count != 1)
        {
            match.How = choices.Count == 0
                ? $"no Dockerfile in {directory} and no compose service there names this image"
                : $"{choices.Count} Dockerfiles or stages could have built the image; none was compared rather than guess (pass --dockerfile PATH and --target STAGE)";
            return;
        }

        var chosen = choices[0];
        var document = set[chosen.Path];
        if (document is null)
        {
            var unreadable = set.Unreadable.FirstOrDefault(u => u.Path == chosen.Path);
            match.How = unreadable is not null
                ? $"{match.DisplayPath(chosen.Path)} ({chosen.Reason}) could not be read: {unreadable.Problem.Message}"
                : $"{match.DisplayPath(chosen.Path)} ({chosen.Reason}) is not a Dockerfile in {directory}";
            return;
        }

        string? stageName = match.Options.Target ?? chosen.Target;
        var stage = document.ShippedStage(stageName);
        match.Dockerfile = document;
        if (stage is null)
        {
            string stages = string.Join(", ", document.Stages.Select(s => s.DisplayName));
            match.How = stageName is null
                ? $"{match.DisplayPath(chosen.Path)} ({chosen.Reason}) has no FROM"
                : $"{match.DisplayPath(chosen.Path)} ({chosen.Reason}) has no stage '{stageName}' (stages: {(stages.Length > 0 ? stages : "none")})";
            return;
        }

        match.Stage = stage;
        match.How = chosen.Reason + (match.Options.Target is not null ? $", --target {match.Options.Target}" : "")
            + (title is not null && match.Candidates.Count > 1 ? $", narrowed by the label {TitleLabel}={title}" : "");
    }

    /// <summary>A choice the title label names: its compose service, its target, its folder, or a stage of that name.</summary>
    private static Choice? ByTitle(Choice choice, DockerfileSet set, string title)
    {
        if (choice.ServiceName == title || choice.Target == title || Path.GetFileName(DockerfileSet.DirectoryOf(choice.Path)) == title)
        {
            return choice;
        }

        return choice.Target is null && set[choice.Path]?.Stages.Any(stage => stage.Name == title) == true ? choice with { Target = title } : null;
    }

    private static string Describe(RepositoryMatch match, Choice choice) =>
        match.DisplayPath(choice.Path) + (choice.Target is null ? "" : $" --target {choice.Target}") + $" ({choice.Reason})";

    /// <summary>--dockerfile is relative to the repository, or to the current folder when only that names a file.</summary>
    private static string ProjectRelative(string directory, string path)
    {
        string full = Path.IsPathRooted(path) ? path : Path.Combine(directory, path);
        if (!File.Exists(full) && !Path.IsPathRooted(path) && File.Exists(path))
        {
            full = path;
        }

        return Path.GetRelativePath(Path.GetFullPath(directory), Path.GetFullPath(full)).Replace('\\', '/');
    }

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;
}
