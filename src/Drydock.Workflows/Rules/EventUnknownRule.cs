using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Knowledge;
using Drydock.Workflows.Model;
using Drydock.Yaml;
using YamlDotNet.RepresentationModel;

namespace Drydock.Workflows.Rules;

/// <summary>GA031: on: names an event, activity type or filter that does not exist for that event.</summary>
public sealed class EventUnknownRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA031",
        "event-unknown",
        Severity.Error,
        "on: names an unknown event, an activity type the event does not have, or a filter the event does not accept.",
        "GitHub rejects an unknown event or filter; an unknown activity type never fires, so the workflow silently never runs for it.",
        "Use an event and activity type from GitHub's 'Events that trigger workflows' list; tags filters exist on push only.")
    {
        Equivalents = ["actionlint events"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        var names = WorkflowKnowledge.Events.Select(item => item.Name).ToList();
        foreach (var file in workflows.Workflows)
        {
            foreach (var trigger in file.Events.Where(trigger => !trigger.Name.HasExpression))
            {
                var known = WorkflowKnowledge.Events.FirstOrDefault(item => item.Name == trigger.Name.Value);
                if (known is null)
                {
                    sink.Report(Descriptor, file, trigger.Name.Span, $"unknown event '{trigger.Name.Value}'{WorkflowReporting.Suggest(trigger.Name.Value, names)}");
                    continue;
                }

                foreach (var type in trigger.Types.Where(type => !known.Types.Contains(type.Value)))
                {
                    string valid = known.Types.Count == 0 ? "it has no activity types" : $"types: {string.Join(", ", known.Types)}";
                    sink.Report(Descriptor, file, type.Span, $"'{type.Value}' is not an activity type of {known.Name} ({valid}){WorkflowReporting.Suggest(type.Value, known.Types)}");
                }

                if (trigger.Node is not YamlMappingNode mapping || known.Name == "schedule")
                {
                    continue;
                }

                foreach (var key in mapping.Children.Keys.OfType<YamlScalarNode>())
                {
                    string name = key.Value ?? "";
                    bool allowed = (name == "types" && known.Types.Count > 0) || known.Filters.Contains(name);
                    if (!allowed)
                    {
                        sink.Report(Descriptor, file, TextSpan.Of(key), $"{known.Name} does not accept '{name}'{(known.Filters.Count > 0 ? $" (it accepts: {string.Join(", ", known.Types.Count > 0 ? known.Filters.Prepend("types") : known.Filters)})" : "")}");
                    }
                }
            }
        }
    }
}
