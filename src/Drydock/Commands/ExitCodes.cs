namespace Drydock.Cli.Commands;

/// <summary>The exit codes every command keeps to, so CI can tell "found problems" from "could not run".</summary>
internal static class ExitCodes
{
    /// <summary>Nothing reached the failure threshold.</summary>
    public const int Clean = 0;

    /// <summary>At least one finding at or above the threshold.</summary>
    public const int Findings = 1;

    /// <summary>Bad arguments, or input that could not be read at all.</summary>
    public const int UsageOrInput = 2;
}
