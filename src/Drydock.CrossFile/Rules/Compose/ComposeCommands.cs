using Drydock.CrossFile.Rules.Python;

namespace Drydock.CrossFile.Rules.Compose;

/// <summary>A compose command/entrypoint override and the Python target it runs in the service's image.</summary>
public sealed record ComposeTarget(ServiceStart Start, ContainerCommand Command);

/// <summary>The Python targets of every compose command/entrypoint override of a built service.</summary>
public static class ComposeCommands
{
    public static IEnumerable<ComposeTarget> Targets(CrossFileContext context) =>
        ServiceImage.All(context)
            .Select(ServiceStart.Of)
            .OfType<ServiceStart>()
            .Select(start => Of(context, start) is { } command ? new ComposeTarget(start, command) : null)
            .OfType<ComposeTarget>();

    /// <summary>What the override runs, resolved against the files the image copies from the compose build context.</summary>
    public static ContainerCommand? Of(CrossFileContext context, ServiceStart start) =>
        ContainerCommand.Of(context, start.Image.Stage!, start.Image.Context!, start.Words);
}
