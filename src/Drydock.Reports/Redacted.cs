using Drydock.Security;

namespace Drydock.Reports;

/// <summary>Every string a writer emits from a finding goes through here, so no report can leak a secret.</summary>
internal static class Redacted
{
    public static string Text(string? text) => SecretRedactor.Redact(text);
}
