"""The demo people the fund tests act as, with where they hold their roles."""

STAFF = "medarbejder@nordfjord.demo"  # Hjemmepleje Nord
LEAD = "projektleder@nordfjord.demo"  # Plejecenter Lindely
REVIEWER = "vurderer@nordfjord.demo"
REVIEWER2 = "vurderer2@nordfjord.demo"
INNOVATION = "innovation@nordfjord.demo"
BOARD = "direktion@nordfjord.demo"
QUALITY = "kvalitet@nordfjord.demo"
ADMIN = "admin@nordfjord.demo"
OTHER_LEAD = "projektleder@solund.demo"
OTHER_ADMIN = "admin@solund.demo"
PLATFORM = "platform@fremdrift.demo"
POOL_UNIT = "sekretariat@videnscenter.demo"
POOL_BOARD = "bestyrelse@videnscenter.demo"
