// Mistake: after a failed swap it retries with the value it read before, which can never succeed again
// Caught by: read the register again
namespace Course.Exercises;

/// <summary>A wrong answer to exercise 7, as a learner might write it (see the Mistake line above).</summary>
public sealed class TokenIssuer
{
    private readonly ITokenRegister register;

    /// <summary>Makes an issuer over <paramref name="register"/>, which holds the last token issued.</summary>
    /// <param name="register">The shared register.</param>
    public TokenIssuer(ITokenRegister register)
    {
        ArgumentNullException.ThrowIfNull(register);
        this.register = register;
    }

    /// <summary>Issues the next token: higher than any issued before, never the same twice.</summary>
    public FencingToken Issue()
    {
        long last = register.Read();
        while (true)
        {
            if (register.CompareAndSwap(last, last + 1))
            {
                return new FencingToken(last + 1);
            }
        }
    }
}
