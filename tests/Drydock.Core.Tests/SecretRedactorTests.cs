using Drydock.Security;

namespace Drydock.Core.Tests;

public class SecretRedactorTests
{
    [Theory]
    [InlineData("echo ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8 | docker login", "ghp_A1b2")]
    [InlineData("token github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "github_pat_11")]
    [InlineData("docker login ghcr.io -u bot -p s3cr3tP4ss", "s3cr3tP4ss")]
    [InlineData("docker login --password=hunter22 ghcr.io", "hunter22")]
    [InlineData("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE")]
    [InlineData("export GHCR_PAT=abcd1234efgh5678", "abcd1234efgh5678")]
    [InlineData("postgres://app:pa55word@db:5432/app", "pa55word")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----", "MIIEpAIBAAKCAQEA")]
    [InlineData("Authorization: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "dozjgNryP4J3")]
    [InlineData("xoxb-123456789012-abcdefghijklmnop", "xoxb-1234")]
    public void Secrets_are_replaced(string text, string secret)
    {
        string redacted = SecretRedactor.Redact(text);
        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RUN pip install --no-cache-dir -r requirements.txt")]
    [InlineData("ARG TOKEN")]
    [InlineData("password: ${DB_PASSWORD}")]
    [InlineData("env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}")]
    [InlineData("FROM python:3.11-slim")]
    public void Ordinary_text_is_left_alone(string text)
    {
        Assert.Equal(text, SecretRedactor.Redact(text));
    }
}
