using Drydock.Knowledge;

namespace Drydock.CrossFile.Knowledge;

/// <summary>Tells service-starting calls from one-shot ones by the words in their names (service-calls.json).</summary>
public sealed class ServiceCalls
{
    private static readonly Lazy<ServiceCalls> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private ServiceCalls(IReadOnlySet<string> serviceWords, IReadOnlySet<string> oneShotWords, IReadOnlySet<string> wrappers)
    {
        ServiceWords = serviceWords;
        OneShotWords = oneShotWords;
        Wrappers = wrappers;
    }

    public static ServiceCalls Default => Shared.Value;

    public IReadOnlySet<string> ServiceWords { get; }

    public IReadOnlySet<string> OneShotWords { get; }

    public IReadOnlySet<string> Wrappers { get; }

    /// <summary>True when the calls (by name) start something long-running and nothing in them reads as a one-shot.</summary>
    public bool Serves(IEnumerable<string> callees)
    {
        var words = callees.Where(callee => !Wrappers.Contains(callee))
            .SelectMany(callee => callee.ToLowerInvariant().Split(['.', '_'], StringSplitOptions.RemoveEmptyEntries)).ToList();
        return words.Any(ServiceWords.Contains) && !words.Any(OneShotWords.Contains);
    }

    internal static ServiceCalls Load()
    {
        using var document = KnowledgeFile.Open(typeof(ServiceCalls).Assembly, "service-calls.json");
        var root = document.RootElement;
        HashSet<string> Set(string property)
        {
            var values = KnowledgeFile.StringArray(root, property);
            return values.Count > 0 && values.All(value => value.Length > 0)
                ? new HashSet<string>(values, StringComparer.Ordinal)
                : throw new KnowledgeException($"service-calls.json: '{property}' must be a non-empty list of words");
        }

        return new ServiceCalls(Set("serviceWords"), Set("oneShotWords"), Set("wrappers"));
    }
}
