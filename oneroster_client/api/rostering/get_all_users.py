from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.imsx_status_info import ImsxStatusInfo
from ...models.order_by import OrderBy
from ...models.user_set import UserSet
from ...types import UNSET, Response, Unset, decode_json, released


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    sort: str | Unset = UNSET,
    order_by: OrderBy | Unset = UNSET,
    filter_: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    search: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params["sort"] = sort

    json_order_by: str | Unset = UNSET
    if not isinstance(order_by, Unset):
        json_order_by = order_by.value

    params["orderBy"] = json_order_by

    params["filter"] = filter_

    params["fields"] = fields

    params["search"] = search

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImsxStatusInfo | UserSet | None:
    if response.status_code == 200:
        response_200 = UserSet.from_dict(decode_json(response.content))

        return response_200

    if response.status_code == 400:
        response_400 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_400

    if response.status_code == 401:
        response_401 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_401

    if response.status_code == 403:
        response_403 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_403

    if response.status_code == 404:
        response_404 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_404

    if response.status_code == 422:
        response_422 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_422

    if response.status_code == 429:
        response_429 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_429

    if response.status_code == 500:
        response_500 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ImsxStatusInfo | UserSet]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    sort: str | Unset = UNSET,
    order_by: OrderBy | Unset = UNSET,
    filter_: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    search: str | Unset = UNSET,
) -> Response[ImsxStatusInfo | UserSet]:
    """List all users.

    Args:
        limit (int | Unset):
        offset (int | Unset):
        sort (str | Unset):
        order_by (OrderBy | Unset):
        filter_ (str | Unset):
        fields (str | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImsxStatusInfo | UserSet]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        sort=sort,
        order_by=order_by,
        filter_=filter_,
        fields=fields,
        search=search,
    )

    response = released(
        client.get_httpx_client().request(
            **kwargs,
        )
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    sort: str | Unset = UNSET,
    order_by: OrderBy | Unset = UNSET,
    filter_: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    search: str | Unset = UNSET,
) -> ImsxStatusInfo | UserSet | None:
    """List all users.

    Args:
        limit (int | Unset):
        offset (int | Unset):
        sort (str | Unset):
        order_by (OrderBy | Unset):
        filter_ (str | Unset):
        fields (str | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImsxStatusInfo | UserSet
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        sort=sort,
        order_by=order_by,
        filter_=filter_,
        fields=fields,
        search=search,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    sort: str | Unset = UNSET,
    order_by: OrderBy | Unset = UNSET,
    filter_: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    search: str | Unset = UNSET,
) -> Response[ImsxStatusInfo | UserSet]:
    """List all users.

    Args:
        limit (int | Unset):
        offset (int | Unset):
        sort (str | Unset):
        order_by (OrderBy | Unset):
        filter_ (str | Unset):
        fields (str | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImsxStatusInfo | UserSet]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        sort=sort,
        order_by=order_by,
        filter_=filter_,
        fields=fields,
        search=search,
    )

    response = released(await client.get_async_httpx_client().request(**kwargs))

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    sort: str | Unset = UNSET,
    order_by: OrderBy | Unset = UNSET,
    filter_: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    search: str | Unset = UNSET,
) -> ImsxStatusInfo | UserSet | None:
    """List all users.

    Args:
        limit (int | Unset):
        offset (int | Unset):
        sort (str | Unset):
        order_by (OrderBy | Unset):
        filter_ (str | Unset):
        fields (str | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImsxStatusInfo | UserSet
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            sort=sort,
            order_by=order_by,
            filter_=filter_,
            fields=fields,
            search=search,
        )
    ).parsed
