console.log("check: placeholder until the ledger lands");
