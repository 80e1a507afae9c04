namespace Course.Exercises;

/// <summary>
/// <para><b>Exercise 7: a token issuer that never repeats itself.</b> Lesson: fencing tokens and storage guards.</para>
/// <para><b>Task.</b> Hand out fencing tokens from a shared <see cref="ITokenRegister"/> that holds the last token
/// issued. Many requests arrive at once, from many threads or many machines.</para>
/// <para><b>Rules from the lesson.</b> Every token is higher than every token issued before it, so no two
/// requests ever get the same one, even when they run at the same moment. Read-then-write is not enough: two
/// requests can both read 33 and both write 34. Use compare-and-swap: write 34 only if the register still holds
/// 33, and if someone got there first, read again and retry.</para>
/// <para><b>Hint.</b> A loop around <see cref="ITokenRegister.Read"/> and <see cref="ITokenRegister.CompareAndSwap"/>;
/// never call <see cref="ITokenRegister.Write"/>.</para>
/// </summary>
public sealed class TokenIssuer
{
    /// <summary>Makes an issuer over <paramref name="register"/>, which holds the last token issued.</summary>
    /// <param name="register">The shared register.</param>
    public TokenIssuer(ITokenRegister register) => throw new NotImplementedException();

    /// <summary>Issues the next token: higher than any issued before, never the same twice.</summary>
    public FencingToken Issue() => throw new NotImplementedException();
}
