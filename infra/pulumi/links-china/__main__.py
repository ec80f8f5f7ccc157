"""Links (CKV_CNLIC_401) and leased lines (CKV_CNLIC_404) on the three clouds whose Pulumi SDKs are installed.

Providers in filed machine rooms: alicloud cn-shenzhen (SZ-ALI) and aws cn-north-1 (BJ-AWS) explicit, azure
chinaeast2 (SH-AZURE) the default provider (stack config). Compliant: a China-China CEN bandwidth package, a
China Telecom Express Connect line, a China Mobile Direct Connect line. Violating: a China-Europe package, a
line of an unspecified mainland provider (CO: could not be established), a transit-gateway peering to Tokyo,
an ExpressRoute circuit from Equinix.
"""
import pulumi_alicloud as alicloud
import pulumi_aws as aws
import pulumi_azure as azure

import pulumi

shenzhen = alicloud.Provider("shenzhen", region="cn-shenzhen")
beijing = aws.Provider("beijing", region="cn-north-1")
on_ali, on_aws = (pulumi.ResourceOptions(provider=p) for p in (shenzhen, beijing))

# Compliant.
alicloud.cen.BandwidthPackage("domestic", bandwidth=10, geographic_region_a_id="China",
                              geographic_region_b_id="China", opts=on_ali)
alicloud.expressconnect.PhysicalConnection("telecom-line", access_point_id="ap-cn-shenzhen-xx-A",
                                           line_operator="CT", peer_location="Shenzhen office", opts=on_ali)
aws.directconnect.Connection("mobile-dx", bandwidth="1Gbps", location="SINBJ", provider_name="China Mobile",
                             opts=on_aws)

# 401: a bandwidth package from China to Europe.
alicloud.cen.BandwidthPackage("to-europe", bandwidth=10, geographic_region_a_id="China",
                              geographic_region_b_id="Europe", opts=on_ali)
# 404 (could not be established): CO names no carrier in particular.
alicloud.expressconnect.PhysicalConnection("other-mainland-line", access_point_id="ap-cn-shenzhen-xx-B",
                                           line_operator="CO", peer_location="Shenzhen IDC", opts=on_ali)
# 401: a transit-gateway peering to Tokyo.
aws.ec2transitgateway.PeeringAttachment("to-tokyo", peer_region="ap-northeast-1",
                                        peer_transit_gateway_id="tgw-jp", transit_gateway_id="tgw-bj",
                                        opts=on_aws)
# 404: an ExpressRoute circuit from Equinix (peering in Shanghai: 401 passes).
azure.network.ExpressRouteCircuit("equinix", resource_group_name="zqt-rg", location="chinaeast2",
                                  service_provider_name="Equinix", peering_location="Shanghai",
                                  bandwidth_in_mbps=50, sku={"tier": "Standard", "family": "MeteredData"})
