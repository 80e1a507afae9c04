namespace SplitBrain;

/// <summary>
/// A database primary (or its standby) in the STONITH story. While primary it writes to the shared store
/// every <see cref="WriteEvery"/> with its token and tells the controller it is alive. It has no lease: it
/// stays primary until it is powered off, which is exactly why it must be.
/// </summary>
public sealed class Primary : Node
{
    /// <summary>How often a primary writes.</summary>
    public static readonly TimeSpan WriteEvery = TimeSpan.FromMilliseconds(500);

    /// <summary>How often a primary tells the controller it is alive.</summary>
    public static readonly TimeSpan AliveEvery = TimeSpan.FromMilliseconds(500);

    private readonly string storeName;
    private readonly string controllerName;
    private readonly FencingToken? initialToken;
    private int written;

    /// <summary>Makes a primary, or a standby when <paramref name="initialToken"/> is null.</summary>
    /// <param name="storeName">The store's node name.</param>
    /// <param name="controllerName">The failover controller's node name.</param>
    /// <param name="initialToken">The token it starts as primary with, or null for a standby.</param>
    public Primary(string storeName, string controllerName, FencingToken? initialToken)
    {
        this.storeName = storeName;
        this.controllerName = controllerName;
        this.initialToken = initialToken;
    }

    /// <summary>The token it writes with while primary; null for a standby.</summary>
    public FencingToken? Token { get; private set; }

    /// <inheritdoc />
    public override void OnStart()
    {
        // Only the very first start makes it primary. A node that comes back from a power cut starts as a
        // standby: it must not resume writing with a token that was taken from it.
        if (initialToken is { } token && !Durable.Contains("started"))
        {
            BecomePrimary(token);
        }

        Durable.Set("started", true);
    }

    /// <inheritdoc />
    public override void OnMessage(Message message, NodeId from)
    {
        if (message is Promote promote && Token is null)
        {
            BecomePrimary(promote.Token);
        }
    }

    /// <inheritdoc />
    public override void OnTimer(object tag)
    {
        if (Token is not { } token)
        {
            return;
        }

        if (tag is "write")
        {
            Send(Simulation[storeName], new WriteValue($"{Id}-{++written}", $"from {Id}", token));
            SetTimer(WriteEvery, "write");
        }
        else if (tag is "alive")
        {
            Send(Simulation[controllerName], new Alive());
            SetTimer(AliveEvery, "alive");
        }
    }

    private void BecomePrimary(FencingToken token)
    {
        Token = token;
        Record(TraceKind.Elected, token);
        SetTimer(WriteEvery, "write");
        SetTimer(AliveEvery, "alive");
    }
}
