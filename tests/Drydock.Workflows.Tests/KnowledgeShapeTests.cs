using Drydock.Knowledge;
using Drydock.Workflows.Knowledge;

namespace Drydock.Workflows.Tests;

public sealed class KnowledgeShapeTests
{
    [Fact]
    public void Every_knowledge_file_is_embedded_and_versioned()
    {
        var files = KnowledgeFile.EmbeddedFiles(typeof(WorkflowKnowledge).Assembly).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["action-deprecations.json", "expression-contexts.json", "popular-actions.json", "runner-labels.json", "webhook-events.json", "workflow-keys.json"], files);
        foreach (string file in files)
        {
            using var document = KnowledgeFile.Open(typeof(WorkflowKnowledge).Assembly, file);
            Assert.True(document.RootElement.GetProperty("version").GetInt32() >= 1);
            Assert.True(DateOnly.TryParse(document.RootElement.GetProperty("updated").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        }
    }

    [Fact]
    public void Deprecations_carry_the_failure_text_a_date_and_a_replacement()
    {
        Assert.NotEmpty(WorkflowKnowledge.ActionDeprecations);
        foreach (var entry in WorkflowKnowledge.ActionDeprecations)
        {
            Assert.Matches(@"^[a-z0-9-]+/[a-z0-9-]+$", entry.Action);
            Assert.NotEmpty(entry.Majors);
            Assert.Contains(entry.Status, new[] { "retired", "node12", "node16" });
            Assert.True(DateOnly.TryParse(entry.Date, System.Globalization.CultureInfo.InvariantCulture, out _), entry.Action);
            Assert.Matches(@"^v\d+$", entry.Replacement);
            Assert.Contains("{ref}", entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(int.Parse(entry.Replacement[1..], System.Globalization.CultureInfo.InvariantCulture), entry.Majors);
        }

        // No action major is listed twice.
        var keys = WorkflowKnowledge.ActionDeprecations.SelectMany(entry => entry.Majors.Select(major => $"{entry.Action}@{major}")).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.StartsWith("This request has been automatically failed", WorkflowKnowledge.Deprecation("actions/upload-artifact", 3)!.Message, StringComparison.Ordinal);
        Assert.All(WorkflowKnowledge.CommandDeprecations, command => Assert.Contains(command.Command, command.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Popular_actions_list_unique_inputs_and_their_replacements_are_known()
    {
        string[] required = ["actions/checkout", "actions/setup-python", "actions/setup-node", "actions/cache", "actions/upload-artifact", "actions/download-artifact",
            "docker/setup-qemu-action", "docker/setup-buildx-action", "docker/login-action", "docker/metadata-action", "docker/build-push-action"];
        Assert.All(required, action => Assert.NotNull(WorkflowKnowledge.Metadata(action)));
        foreach (var action in WorkflowKnowledge.PopularActions)
        {
            Assert.NotEmpty(action.Majors);
            Assert.NotEmpty(action.Inputs);
            Assert.Equal(action.Inputs.Count, action.Inputs.Select(input => input.Name).Distinct(StringComparer.Ordinal).Count());
            Assert.All(action.Inputs.Where(input => input.Required), input => Assert.Null(input.Default));
        }

        // A deprecation's replacement is a version whose inputs we know, so the fixed step is checked too.
        foreach (var entry in WorkflowKnowledge.ActionDeprecations)
        {
            var metadata = WorkflowKnowledge.Metadata(entry.Action);
            Assert.True(metadata is not null && metadata.Majors.Contains(int.Parse(entry.Replacement[1..], System.Globalization.CultureInfo.InvariantCulture)), entry.Action + "@" + entry.Replacement);
        }
    }

    [Fact]
    public void Runner_labels_events_contexts_and_keys_are_well_formed()
    {
        Assert.All(WorkflowKnowledge.HostedRunners, runner => Assert.Contains(runner.Arch, new[] { "x64", "arm64" }));
        Assert.Contains(WorkflowKnowledge.HostedRunners, runner => runner.Label == "ubuntu-latest");
        Assert.All(WorkflowKnowledge.RetiredRunners, retired =>
        {
            Assert.DoesNotContain(WorkflowKnowledge.HostedRunners, runner => runner.Label == retired.Label);
            Assert.Contains(WorkflowKnowledge.HostedRunners, runner => runner.Label == retired.Replacement);
        });
        Assert.Equal(WorkflowKnowledge.Events.Count, WorkflowKnowledge.Events.Select(item => item.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(WorkflowKnowledge.Events, item => item.Name == "pull_request_target" && item.Types.Contains("synchronize"));
        Assert.Equal(12, WorkflowKnowledge.Contexts.Count);
        Assert.All(WorkflowKnowledge.Functions, function => Assert.True(function.Min <= function.Max));
        Assert.All(WorkflowKnowledge.UntrustedInputs, path => Assert.StartsWith("github.", path, StringComparison.Ordinal));
        foreach (string section in new[] { "workflow", "job", "step", "strategy", "defaults", "defaults.run", "concurrency", "container", "service", "runs-on", "environment", "event", "action", "action.runs" })
        {
            Assert.True(WorkflowKnowledge.SectionKeys.ContainsKey(section), section);
        }
    }
}
