namespace SplitBrain;

/// <summary>How a client's operation ended, in Jepsen's words.</summary>
public enum OperationOutcome
{
    /// <summary><c>:ok</c>: it took effect, and the client was told its result.</summary>
    Ok,

    /// <summary><c>:fail</c>: it certainly took no effect (a refused withdrawal, a compare-and-set that did not swap).</summary>
    Fail,

    /// <summary><c>:info</c>: indeterminate. It may have taken effect at any moment after its invocation, or never; it stays open to the end of the history.</summary>
    Info,
}
