"""permitguard.geo: the location catalog.

Cloud region and zone ids -> territory (mainland | hk | mo | tw | foreign), province
(ISO 3166-2:CN) and city, from the packaged data files data/regions.yaml and data/provinces.yaml
(validated by schemas/regions.schema.json and schemas/provinces.schema.json).

    catalog = RegionCatalog.load()            # cached after the first call
    catalog.resolve("alicloud", region="cn-heyuan").describe()
    # 'alicloud cn-heyuan → Guangdong (CN-GD), Heyuan'
"""

from permitguard.geo.catalog import RegionCatalog
from permitguard.geo.location import Location
from permitguard.geo.provinces import Provinces

__all__ = ["Location", "Provinces", "RegionCatalog"]
