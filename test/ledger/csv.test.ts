import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/lib/ledger/csv.ts";

const COLUMNS = ["id", "value"] as const;

describe("parseCsv", () => {
  it("keys fields by column and gives each row its line in the file", () => {
    const { records, issues } = parseCsv('\uFEFFid,value\na,1\n\nb,"2,5"\r\nc,3\n', "x.csv", COLUMNS);
    expect(issues).toEqual([]);
    expect(records).toEqual([
      { line: 2, fields: { id: "a", value: "1" } },
      { line: 4, fields: { id: "b", value: "2,5" } },
      { line: 5, fields: { id: "c", value: "3" } },
    ]);
  });

  it("rejects a field with a line break and keeps later line numbers true", () => {
    const { records, issues } = parseCsv('id,value\na,"1\n2"\nb,3\n', "x.csv", COLUMNS);
    expect(issues).toEqual([
      { file: "x.csv", line: 2, column: 2, message: "value contains a line break; keep each row on one line" },
    ]);
    expect(records).toEqual([{ line: 4, fields: { id: "b", value: "3" } }]);
  });

  it("rejects a row with the wrong number of fields", () => {
    const { issues } = parseCsv("id,value\na,1,2\n", "x.csv", COLUMNS);
    expect(issues).toEqual([
      {
        file: "x.csv",
        line: 2,
        column: 1,
        message: "row has 3 fields; expected 2 (id,value); wrap fields that contain commas in double quotes",
      },
    ]);
  });

  it("rejects a header that differs from the contract", () => {
    expect(parseCsv("id,amount\na,1\n", "x.csv", COLUMNS)).toEqual({
      records: [],
      issues: [
        {
          file: "x.csv",
          line: 1,
          column: 2,
          message: 'header column 2 is "amount" but should be "value"; the header must be exactly id,value',
        },
      ],
    });
    expect(parseCsv("id\na\n", "x.csv", COLUMNS).issues[0]?.message).toBe(
      'header is missing column 2 "value"; the header must be exactly id,value',
    );
    expect(parseCsv("id,value,extra\n", "x.csv", COLUMNS).issues[0]?.message).toBe(
      'header has an extra column 3 "extra"; the header must be exactly id,value',
    );
  });
});
