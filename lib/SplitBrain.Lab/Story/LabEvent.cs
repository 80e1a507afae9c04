namespace SplitBrain.Lab;

/// <summary>One step of the lab's story, as the lab saw it happen.</summary>
/// <param name="Seconds">Wall-clock seconds since the lab started.</param>
/// <param name="Actor">Who: <c>client-1</c>, <c>client-2</c>, <c>lab</c>, <c>etcd</c>.</param>
/// <param name="Kind">What: <c>acquired</c>, <c>accepted</c>, <c>refused</c>, <c>frozen</c>, <c>resumed</c>, <c>lost</c>, <c>released</c>, <c>leader</c>, <c>note</c>.</param>
/// <param name="Token">The fencing token involved, if any.</param>
/// <param name="Detail">The rest, in words.</param>
public sealed record LabEvent(double Seconds, string Actor, string Kind, long? Token, string Detail)
{
    /// <summary>Reads like <c>  4.31 s  client-1  refused   token 33: refused: token 33 &lt; highest seen 34</c>.</summary>
    public override string ToString() =>
        $"{Seconds,7:0.00} s  {Actor,-9} {Kind,-9} {(Token is { } t ? $"token {t}: " : "")}{Detail}";
}
