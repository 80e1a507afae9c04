namespace SplitBrain;

/// <summary>
/// A high-availability controller. It watches the primary's heartbeats; after <see cref="DeadAfter"/>
/// without one it promotes the standby. With STONITH it first has the old primary powered off and waits
/// for the power switch to confirm; if no confirmation comes within <see cref="FenceTimeout"/>, it refuses
/// to promote: better no primary for a while than two.
/// </summary>
public sealed class FailoverController : Node
{
    /// <summary>How long without a heartbeat before the primary is taken for dead.</summary>
    public static readonly TimeSpan DeadAfter = TimeSpan.FromSeconds(2);

    /// <summary>How often the controller checks.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the controller waits for the power switch to confirm.</summary>
    public static readonly TimeSpan FenceTimeout = TimeSpan.FromSeconds(3);

    private readonly string primaryName;
    private readonly string standbyName;
    private readonly string powerSwitchName;
    private readonly bool stonith;
    private TimeSpan lastAlive;
    private bool failingOver;

    /// <summary>Makes a controller.</summary>
    /// <param name="primaryName">The primary it watches.</param>
    /// <param name="standbyName">The standby it promotes.</param>
    /// <param name="powerSwitchName">The power switch on the management network.</param>
    /// <param name="stonith">Whether to power the old primary off, and wait for confirmation, before promoting.</param>
    public FailoverController(string primaryName, string standbyName, string powerSwitchName, bool stonith)
    {
        this.primaryName = primaryName;
        this.standbyName = standbyName;
        this.powerSwitchName = powerSwitchName;
        this.stonith = stonith;
    }

    /// <summary>Whether the controller refused to promote because the fence was not confirmed. Durable.</summary>
    public bool PromotionRefused
    {
        get => Durable.Get("promotionRefused", false);
        private set => Durable.Set("promotionRefused", value);
    }

    /// <summary>Whether the standby was promoted. Durable, so a restarted controller does not promote twice.</summary>
    public bool Promoted
    {
        get => Durable.Get("promoted", false);
        private set => Durable.Set("promoted", value);
    }

    /// <inheritdoc />
    public override void OnStart()
    {
        lastAlive = Clock.LocalTime;
        SetTimer(CheckEvery, "check");
    }

    /// <inheritdoc />
    public override void OnMessage(Message message, NodeId from)
    {
        switch (message)
        {
            case Alive when from.Name == primaryName:
                lastAlive = Clock.LocalTime;
                break;
            case PowerOffConfirmed confirmed when confirmed.Target == primaryName && failingOver && !PromotionRefused:
                Record(TraceKind.Note, $"{primaryName} is confirmed off");
                PromoteStandby();
                break;
        }
    }

    /// <inheritdoc />
    public override void OnTimer(object tag)
    {
        if (tag is "check" && !failingOver)
        {
            if (Clock.LocalTime - lastAlive >= DeadAfter)
            {
                StartFailover();
            }
            else
            {
                SetTimer(CheckEvery, "check");
            }
        }
        else if (tag is "fence timeout" && !Promoted)
        {
            PromotionRefused = true;
            Record(TraceKind.Note, $"promotion refused: {primaryName} could not be confirmed off");
        }
    }

    private void StartFailover()
    {
        if (Promoted)
        {
            return;
        }

        failingOver = true;
        Record(TraceKind.Note, $"{primaryName} missed heartbeats for {Fault.Seconds(DeadAfter)}: failing over");
        if (!stonith)
        {
            PromoteStandby();
            return;
        }

        Send(Simulation[powerSwitchName], new PowerOff(primaryName));
        SetTimer(FenceTimeout, "fence timeout");
    }

    private void PromoteStandby()
    {
        if (Promoted)
        {
            return;
        }

        Promoted = true;
        var token = new FencingToken(2);
        var standby = Simulation[standbyName];
        Record(TraceKind.LeaseGranted, new Promotion(standby, token), standby);
        Send(standby, new Promote(token));
    }
}
