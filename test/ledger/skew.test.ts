import { describe, expect, it } from "vitest";
import { FEAR_SIGN, isSkewConvention, SKEW_CONVENTIONS, toConvention } from "../../src/lib/skew.ts";

describe("toConvention", () => {
  it("flips the sign between rr25 and put_minus_call", () => {
    expect(toConvention(-13, "rr25", "put_minus_call")).toBe(13);
    expect(toConvention(20, "put_minus_call", "rr25")).toBe(-20);
  });

  it("leaves a reading in its own convention unchanged", () => {
    expect(toConvention(-13, "rr25", "rr25")).toBe(-13);
    expect(toConvention(11, "put_minus_call", "put_minus_call")).toBe(11);
  });

  it("round-trips and never yields -0", () => {
    for (const from of SKEW_CONVENTIONS) {
      for (const to of SKEW_CONVENTIONS) {
        expect(toConvention(toConvention(6.5, from, to), to, from)).toBe(6.5);
        expect(Object.is(toConvention(0, from, to), 0)).toBe(true);
      }
    }
  });

  it("maps fear to the fear sign of the target convention", () => {
    const fearfulRr25 = -13;
    expect(Math.sign(toConvention(fearfulRr25, "rr25", "put_minus_call"))).toBe(FEAR_SIGN.put_minus_call);
  });
});

describe("isSkewConvention", () => {
  it("knows exactly the two conventions", () => {
    expect(SKEW_CONVENTIONS).toEqual(["rr25", "put_minus_call"]);
    expect(isSkewConvention("rr25")).toBe(true);
    expect(isSkewConvention("call_minus_put")).toBe(false);
  });
});
