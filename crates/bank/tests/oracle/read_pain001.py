"""Reads a pain.001.001.09 file back with an independent ISO 20022 reader: the PyPI package
`xmlschema`, which validates the file against the ISO XSD and decodes it by that schema alone.

Usage: read_pain001.py SCHEMA.xsd FILE.xml  → JSON on stdout:
{"msg_id", "nb_of_txs", "ctrl_sum", "payments": [{"debtor_iban", "end_to_end_id", "creditor_name",
 "creditor_iban", "amount", "currency", "remittance"}]}
"""
import json
import sys

import xmlschema


def as_list(v):
    return v if isinstance(v, list) else [v]


schema = xmlschema.XMLSchema(sys.argv[1])
doc = schema.to_dict(sys.argv[2], decimal_type=str)  # validates, raises on any schema error
root = doc["CstmrCdtTrfInitn"]
out = {
    "msg_id": root["GrpHdr"]["MsgId"],
    "nb_of_txs": root["GrpHdr"]["NbOfTxs"],
    "ctrl_sum": root["GrpHdr"].get("CtrlSum"),
    "payments": [],
}
for pmt in as_list(root["PmtInf"]):
    debtor_iban = pmt["DbtrAcct"]["Id"]["IBAN"]
    for tx in as_list(pmt["CdtTrfTxInf"]):
        amt = tx["Amt"]["InstdAmt"]
        ustrd = tx.get("RmtInf", {}).get("Ustrd", [])
        out["payments"].append(
            {
                "debtor_iban": debtor_iban,
                "end_to_end_id": tx["PmtId"]["EndToEndId"],
                "creditor_name": tx["Cdtr"]["Nm"],
                "creditor_iban": tx["CdtrAcct"]["Id"]["IBAN"],
                "amount": amt["$"],
                "currency": amt["@Ccy"],
                "remittance": " ".join(as_list(ustrd)),
            }
        )
print(json.dumps(out))
