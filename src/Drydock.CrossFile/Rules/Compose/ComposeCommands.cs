namespace Drydock.CrossFile.Rules.Compose;

/// <summary>The Python targets of every compose command/entrypoint override of a built service.</summary>
public static class ComposeCommands
{
    public static IEnumerable<ComposePythonTarget> Targets(CrossFileContext context) =>
        ServiceImage.All(context)
            .Select(ServiceStart.Of)
            .OfType<ServiceStart>()
            .Select(start => ComposePythonTarget.Of(context, start))
            .OfType<ComposePythonTarget>();
}
