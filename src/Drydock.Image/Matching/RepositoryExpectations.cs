using Drydock.Docker.Model;
using Drydock.Findings;
using Drydock.Image.Model;

namespace Drydock.Image.Matching;

/// <summary>
/// What the matched stage and compose services say the image must hold, derived as the builder does: USER expanded,
/// HEALTHCHECK inherited through FROM &lt;stage&gt;, ENTRYPOINT resetting an inherited CMD, shell forms wrapped in the
/// SHELL in force. Whatever depends on the base image or on unknown build arguments goes to NotCompared.
/// </summary>
internal static class RepositoryExpectations
{
    public static void Derive(RepositoryMatch match)
    {
        var stage = match.Stage!;
        string where = match.DescribeStage();
        if (stage.FinalUserInstruction is null)
        {
            match.NotCompared.Add($"USER: {where} sets none, so the base image's user applies");
        }
        else if (stage.FinalUser is not { Length: > 0 } user || user.Contains('$', StringComparison.Ordinal))
        {
            match.NotCompared.Add($"USER: line {stage.FinalUserInstruction.Line} depends on a build argument whose value is unknown");
        }
        else
        {
            match.ExpectedUser = user;
            match.Compared.Add("USER");
        }

        if (stage.Healthcheck is null)
        {
            match.NotCompared.Add($"HEALTHCHECK: {where} declares none (the base image's, if any, applies)");
        }
        else if (stage.Healthcheck.IsNone)
        {
            match.NotCompared.Add($"HEALTHCHECK: line {stage.Healthcheck.Line} is HEALTHCHECK NONE");
        }
        else
        {
            match.ExpectedHealthcheck = stage.Healthcheck;
            match.Compared.Add("HEALTHCHECK");
        }

        DeriveCommand(match, stage);
    }

    public static void DerivePlatforms(RepositoryMatch match)
    {
        foreach (var (_, service) in match.Services)
        {
            if (service.Platform is not { } value)
            {
                continue;
            }

            string origin = $"compose service '{service.Name}' platform:";
            var location = value.Location with { Path = match.DisplayPath(value.Location.Path) };
            if (value.IsInterpolated && string.IsNullOrEmpty(value.Value))
            {
                match.NotCompared.Add($"platform: {origin} {value.Raw} is unset here");
            }
            else if (ImagePlatform.Parse(value.Value) is { } platform)
            {
                AddRequested(match, new RequestedPlatform(platform, value.Value!, origin, location) { Source = (value.File.Path, value.Location.Line) });
            }
            else
            {
                match.NotCompared.Add($"platform: {origin} '{value.Value}' is not os/arch[/variant]");
            }
        }

        if (match.HasStage && match.Stage!.From.Platform is { } flag)
        {
            var stage = match.Stage;
            if (stage.Platform is { } text && !text.Contains('$', StringComparison.Ordinal) && ImagePlatform.Parse(text) is { } platform)
            {
                var source = stage.Document.Source;
                var (line, column) = source.Position(flag.Span.Start);
                var (endLine, endColumn) = source.Position(flag.Span.End);
                AddRequested(match, new RequestedPlatform(platform, text, $"FROM --platform of stage {stage.DisplayName}", new SourceLocation(match.DisplayPath(source.Path), line, column, endLine, endColumn)) { Source = (source.Path, stage.From.Line) });
            }
            else
            {
                match.NotCompared.Add($"platform: FROM {flag.Raw} (line {stage.From.Line}) depends on the build");
            }
        }

        if (match.RequestedPlatforms.Count > 0)
        {
            match.Compared.Add("platform");
        }
        else if (match.Refusal is null)
        {
            match.NotCompared.Add("platform: nothing asks for one (no compose platform:, no FROM --platform), so any platform of the image is accepted");
        }
    }

    /// <summary>Equal argv; a shell-form script compares with runs of whitespace collapsed (continuations join lines).</summary>
    public static bool SameArgv(IReadOnlyList<string> expected, IReadOnlyList<string> actual, bool shellForm)
    {
        if (expected.Count != actual.Count)
        {
            return false;
        }

        for (int i = 0; i < expected.Count; i++)
        {
            bool script = shellForm && i == expected.Count - 1;
            if (!(script ? Collapse(expected[i]) == Collapse(actual[i]) : expected[i] == actual[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void AddRequested(RepositoryMatch match, RequestedPlatform requested)
    {
        if (!match.RequestedPlatforms.Any(r => r.Location == requested.Location))
        {
            match.RequestedPlatforms.Add(requested);
        }
    }

    private static void DeriveCommand(RepositoryMatch match, Stage stage)
    {
        var entrypoint = stage.Entrypoint;
        var cmd = stage.Cmd;
        if (entrypoint is null && cmd is null)
        {
            match.NotCompared.Add($"ENTRYPOINT/CMD: {match.DescribeStage()} sets neither, so the base image's apply");
            return;
        }

        match.CommandInstruction = (CommandInstruction?)entrypoint ?? cmd;
        if (entrypoint is not null)
        {
            match.ExpectedEntrypoint = entrypoint.Command.Argv(entrypoint.Stage!.ShellAt(entrypoint));

            // ENTRYPOINT clears a CMD inherited from an earlier stage or the base image; one set in its stage or later stays.
            match.ExpectedCmd = cmd is not null && cmd.Stage!.Index >= entrypoint.Stage!.Index ? cmd.Command.Argv(cmd.Stage!.ShellAt(cmd)) : [];
            match.Compared.Add("ENTRYPOINT/CMD");
            return;
        }

        match.ExpectedCmd = cmd!.Command.Argv(cmd.Stage!.ShellAt(cmd));
        if (Root(stage).IsScratch)
        {
            match.ExpectedEntrypoint = [];
            match.Compared.Add("ENTRYPOINT/CMD");
        }
        else
        {
            match.Compared.Add("CMD");
            match.NotCompared.Add($"ENTRYPOINT: {match.DescribeStage()} sets none, so the base image's ({Root(stage).BaseName ?? "unknown"}) applies");
        }
    }

    private static Stage Root(Stage stage)
    {
        var current = stage;
        while (current.BaseStage is { } parent && parent.Index < current.Index)
        {
            current = parent;
        }

        return current;
    }
}
