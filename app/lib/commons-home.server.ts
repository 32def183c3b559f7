/** Server side of the network of networks' home page and of the dashboard's count of things to do there. */
export { commonsHome, commonsActionCount } from "#server/domain/commons/home";
export { dashboardFor } from "#server/domain/networks/dashboard";
