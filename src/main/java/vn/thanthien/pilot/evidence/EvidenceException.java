package vn.thanthien.pilot.evidence;

/** A refusal of the evidence API: its HTTP status, a type for programs and a Vietnamese message. */
class EvidenceException extends RuntimeException {

  final int status;
  final String type;

  EvidenceException(int status, String type, String message) {
    super(message);
    this.status = status;
    this.type = type;
  }
}
